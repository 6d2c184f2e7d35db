"""Each chart says its figures in words: a one-line summary and a table; a colour-blind-safe palette."""

from django.template.loader import render_to_string

from ortaq.analytics import charts
from ortaq.core.charts import PALETTE, summary_of, table_of
from ortaq.core.templatetags.a11y import chart_words


def test_bars_by_year_become_a_table_with_a_column_per_series():
    figure = charts.bars_by_year({"соглашения": {2024: 2, 2025: 5}, "события": {2025: 1500}})
    table = table_of(figure)
    assert table["columns"] == ["", "соглашения", "события"]
    assert table["rows"] == [["2024", "2", "—"], ["2025", "5", "1\u00a0500"]]
    assert summary_of(figure) == "Позиций на графике: 2; наибольшее значение — 2025: 1\u00a0500 (события)."
    assert figure["layout"]["colorway"] == PALETTE


def test_horizontal_bars_keep_their_reading_order():
    figure = charts.horizontal_bars(["туризм", "торговля"], [3, 7.5])
    assert table_of(figure)["rows"] == [["туризм", "3"], ["торговля", "7,5"]]
    assert summary_of(figure).endswith("торговля: 7,5.")


def test_an_empty_chart_says_so():
    figure = charts.bars_by_year({})
    assert table_of(figure) is None
    assert summary_of(figure) == "Нет данных для графика."


def test_the_chart_words_render_behind_show_as_table():
    html = render_to_string("core/_chart_words.html", chart_words(charts.bars_by_year({"a": {2025: 4}}), "x"))
    assert "<details" in html and "Показать таблицей" in html
    assert '<th scope="row">2025</th><td>4</td>' in html
    assert 'id="chart-x-summary"' in html

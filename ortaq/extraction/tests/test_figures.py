"""Figures: money, volume, percent and counts with qualifiers and years."""

import pytest


def figures(pipeline, text):
    return [{k: f[k] for k in ("kind", "value", "unit", "qualifier", "year")}
            for f in pipeline.extract(text, "t")["figures"]]


@pytest.mark.parametrize("text, expected", [
    ("В 2019 году экспорт составил свыше 3,5 млрд тенге.",
     {"kind": "money", "value": 3500000000, "unit": "KZT", "qualifier": "more_than", "year": 2019}),
    ("Инвестиции проекта — около 120 млн долларов.",
     {"kind": "money", "value": 120000000, "unit": "USD", "qualifier": "about", "year": None}),
    ("На ремонт направят до 40 тыс. евро.",
     {"kind": "money", "value": 40000, "unit": "EUR", "qualifier": "up_to", "year": None}),
    ("В 2021 году собрано почти 15 тыс. тонн зерна.",
     {"kind": "volume", "value": 15000, "unit": "t", "qualifier": "about", "year": 2021}),
    ("Доля импорта снизилась менее чем на 5%.",
     {"kind": "percent", "value": 5, "unit": "%", "qualifier": "less_than", "year": None}),
    ("За 2022 год рост производства составил 12 процентов.",
     {"kind": "percent", "value": 12, "unit": "%", "qualifier": None, "year": 2022}),
    ("Ярмарку посетили порядка 3000 жителей района.",
     {"kind": "count", "value": 3000, "unit": "житель", "qualifier": "about", "year": None}),
    ("В программе участвуют 14 крестьянских хозяйств.",
     {"kind": "count", "value": 14, "unit": "хозяйство", "qualifier": None, "year": None}),
    ("На форум приехали более двухсот предпринимателей.",
     {"kind": "count", "value": 200, "unit": "предприниматель", "qualifier": "more_than", "year": None}),
])
def test_figure_kinds(pipeline, text, expected):
    assert expected in figures(pipeline, text)


def test_dates_years_and_time_spans_are_not_figures(pipeline):
    text = "12 марта 2020 года ЭКСПО-2017 продлили на 5 лет, срок — 30 дней."
    assert figures(pipeline, text) == []


def test_change_target_with_do_is_not_up_to(pipeline):
    found = figures(pipeline, "Товарооборот планируют увеличить до 2 млрд долларов.")
    assert found == [{"kind": "money", "value": 2000000000, "unit": "USD", "qualifier": None, "year": None}]

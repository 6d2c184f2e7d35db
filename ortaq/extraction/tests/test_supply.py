"""Food-belt supply figures: region, product, year, planned (contracted) or actual (delivered, sold)."""


def supplies(pipeline, text):
    return [{k: s[k] for k in ("kind", "region", "product", "year", "volume_tonnes", "value_tenge", "qualifier")}
            for s in pipeline.extract(text, "t")["supplies"]]


def test_contracts_for_tonnes_of_a_product_are_a_plan(pipeline):
    text = "В 2025 году хозяйства Северо-Казахстанской области заключили контракты на поставку 12 тысяч тонн пшеницы."
    assert supplies(pipeline, text) == [{"kind": "plan", "region": "KZ-59", "product": "пшеница", "year": 2025,
                                         "volume_tonnes": 12000, "value_tenge": None, "qualifier": None}]


def test_sold_at_a_fair_is_actual_with_the_dateline_year_and_the_home_region(pipeline):
    text = ("Талдыкорган, 5 октября 2025 г.\n\nАграрии области Жетісу приняли участие в ярмарке в Алматы. "
            "За два дня реализовано свыше 150 тонн овощей на сумму 60 млн тенге.")
    assert supplies(pipeline, text) == [{"kind": "actual", "region": "KZ-33", "product": "овощ", "year": 2025,
                                         "volume_tonnes": 150, "value_tenge": 60000000, "qualifier": "more_than"}]


def test_the_region_the_produce_goes_to_is_not_the_supplier(pipeline):
    text = "Предприятия Акмолинской области в 2024 году поставили в Астану 8 тыс. тонн мяса."
    [found] = supplies(pipeline, text)
    assert found["region"] == "KZ-11" and found["product"] == "мясо" and found["kind"] == "actual"


def test_produce_in_general_has_no_product(pipeline):
    text = "Фермеры Павлодарской области продали на ярмарке около 40 тонн продукции."
    [found] = supplies(pipeline, text)
    assert found["product"] is None and found["qualifier"] == "about" and found["volume_tonnes"] == 40


def test_a_harvest_is_no_supply(pipeline):
    text = "В 2024 году аграрии Костанайской области собрали 5 млн тонн зерна."
    assert supplies(pipeline, text) == []

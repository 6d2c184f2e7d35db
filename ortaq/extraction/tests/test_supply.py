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


def test_a_price_per_kilogram_is_no_sum_and_the_dateline_city_is_no_supplier(pipeline):
    text = ("Астана, 1 сентября 2025 г.\n\nТуркестанская область в этом году поставила в столицу 20 тыс. тонн "
            "бахчевых по цене 90 тенге за килограмм.")
    [found] = supplies(pipeline, text)
    assert (found["region"], found["volume_tonnes"], found["value_tenge"], found["year"]) == ("KZ-61", 20000, None, 2025)


def test_the_oblast_stands_for_a_city_dateline_and_a_supply_from_a_region(pipeline):
    text = ("Алматы, 2 апреля 2024 г.\n\nВ Алматы прибыли аграрии Жамбылской области. По итогам дня "
            "область реализовала 70 тонн мяса. В город продукция поступает также из Кызылординской области: "
            "завезено 15 тонн риса.")
    found = supplies(pipeline, text)
    assert [(s["region"], s["product"], s["volume_tonnes"]) for s in found] == [
        ("KZ-31", "мясо", 70), ("KZ-43", "рис", 15)]


def test_a_foreign_buyer_and_a_good_that_is_no_food(pipeline):
    text = "ТОО «Шымкент Цемент» заключило контракт на поставку в Бишкек 40 тыс. тонн цемента."
    assert supplies(pipeline, text) == []

"""The seed's food-belt figures are records with the press release as their source, shown where people look."""

import pytest
from django.urls import reverse

from ortaq.foodbelt.demo import PROGRAM_NAME
from ortaq.foodbelt.models import ReportedSupplyTotal, SupplyPlan, SupplyProgram
from ortaq.sources.models import Source, sources_for

pytestmark = pytest.mark.django_db


def test_it_keeps_the_2017_figures_and_the_2018_plan_of_karaganda(demo):
    program = SupplyProgram.objects.get(name=PROGRAM_NAME)
    assert program.consumer_region == demo.astana
    reported = ReportedSupplyTotal.objects.get(program=program, region=demo.karaganda, year=2017)
    assert reported.value_tenge == 25_000_000_000
    assert (reported.suppliers_count, reported.suppliers_qualifier) == (2000, "more_than")
    plan = SupplyPlan.objects.get(program=program, region=demo.karaganda, year=2018, category=None)
    assert (plan.growth_percent, plan.volume_tonnes) == (40, 66000)


def test_it_cites_the_seed_sentence_for_each_figure(demo, shared_dir):
    reported = ReportedSupplyTotal.objects.get(region=demo.karaganda, year=2017)
    plan = SupplyPlan.objects.get(region=demo.karaganda, year=2018)
    for record, words in ((reported, "25 млрд тенге"), (plan, "66 тыс")):
        source = sources_for(record).get()
        assert source.kind == Source.Kind.DOCUMENT
        assert any(words in fragment for fragment in source.fragments())


def test_it_shows_the_seed_figures_on_karagandas_page(demo, client, shared_dir):
    page = client.get(demo.karaganda.get_absolute_url()).content.decode()
    section = page[page.index('id="food-belt"'):]
    assert "25\xa0млрд" in section and "более 2\xa0000" in section or "более 2 000" in section
    assert "66\xa0000" in section or "66 000" in section
    assert "+40\xa0%" in section
    assert "source-link" in section and reverse("sources:document_detail", args=[
        sources_for(SupplyPlan.objects.get(region=demo.karaganda, year=2018)).get().document_id]) in section


def test_it_shows_the_seed_figures_on_the_program_dashboard(demo, client, shared_dir):
    program = SupplyProgram.objects.get(name=PROGRAM_NAME)
    response = client.get(reverse("foodbelt:home"), follow=True)
    assert response.redirect_chain[-1][0] == program.get_absolute_url()
    page = response.content.decode()
    row = page[page.index('data-region="KZ-35" data-year="2017"'):]
    assert "25\xa0млрд" in row[:3000] and "source-link" in row[:3000]
    plan_row = page[page.index('data-region="KZ-35" data-year="2018"'):][:3000]
    # +40 % over the reported 25 bn gives a 35 bn target in tenge; 66 000 t are planned.
    assert "35\xa0млрд" in plan_row and ("66\xa0000" in plan_row or "66 000" in plan_row)


def test_loading_the_demo_again_creates_nothing_twice(demo):
    from ortaq.portal.demo import load_all_demo

    counts = (ReportedSupplyTotal.objects.count(), SupplyPlan.objects.count(), SupplyProgram.objects.count())
    load_all_demo()
    assert (ReportedSupplyTotal.objects.count(), SupplyPlan.objects.count(),
            SupplyProgram.objects.count()) == counts

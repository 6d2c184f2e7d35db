"""Template tags for accessibility: the error summary of a form sent back with errors."""

from __future__ import annotations

from django import template

register = template.Library()


def _field_errors(form, prefix_label: str = "") -> list[dict]:
    rows = [{"label": prefix_label.strip(" :") or "", "error": error, "target": ""}
            for error in form.non_field_errors()]
    for field in form:
        for error in field.errors:
            label = f"{prefix_label}{field.label}" if field.label else prefix_label
            rows.append({"label": label, "error": error, "target": field.auto_id or ""})
    return rows


@register.inclusion_tag("core/_error_summary.html")
def error_summary(form=None, formsets=None) -> dict:
    """Every error of the form and its formsets, each a link to its field; focused when the page opens."""
    rows = _field_errors(form) if form is not None and form.is_bound else []
    for formset in (formsets or {}).values() if isinstance(formsets, dict) else (formsets or []):
        if not formset.is_bound:
            continue
        name = str(formset.model._meta.verbose_name_plural).capitalize() if hasattr(formset, "model") else ""
        rows += [{"label": name, "error": error, "target": ""} for error in formset.non_form_errors()]
        for number, subform in enumerate(formset.forms, start=1):
            rows += _field_errors(subform, f"{name}, {number}: ")
    return {"rows": rows}


@register.inclusion_tag("core/_chart_words.html")
def chart_words(figure: dict | None, name: str = "") -> dict:
    """A chart's one-line summary and its figures as a table behind «Показать таблицей»."""
    from ortaq.core.charts import summary_of, table_of

    return {"summary": summary_of(figure), "table": table_of(figure), "name": name}

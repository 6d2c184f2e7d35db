"""Generic record views shared by every domain app: list, detail, create, edit, delete, history."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import CreateView, DeleteView, DetailView, UpdateView
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin
from django_tables2.export import ExportMixin
from rules.contrib.views import PermissionRequiredMixin

from ortaq.core import exports, plugins
from ortaq.core.history import changes_since, history_rows
from ortaq.core.models import StaleRecord
from ortaq.core.permissions import WriteCheck, permission_name
from ortaq.core.signals import record_entered


class OutOfScope(Exception):
    """Raised inside a save transaction to roll it back when the result is outside the user's scope."""


class ModelPermissionMixin(PermissionRequiredMixin):
    action = "view"
    raise_exception = False

    def get_permission_required(self):
        return (permission_name(self.model, self.action),)

    def handle_no_permission(self):
        if self.request.user.is_authenticated:
            raise PermissionDenied(_("У вас нет прав на это действие."))
        return super().handle_no_permission()


class RecordListView(ModelPermissionMixin, ExportMixin, SingleTableMixin, FilterView):
    """A filtered, sortable, paginated table; only the table when requested by HTMX."""

    template_name = "core/object_list.html"
    paginate_by = 25
    export_formats = ("csv", "xlsx", "json")

    def get_permission_object(self):
        return None

    max_per_page = 500

    def get_table_pagination(self, table) -> dict | bool:
        """django-tables2's paging with `per_page` kept to 1…500 (a bad value falls back to the default)."""
        pagination = super().get_table_pagination(table)
        if isinstance(pagination, dict) and "per_page" in pagination:
            try:
                per_page = int(pagination["per_page"])
            except (TypeError, ValueError):
                per_page = self.paginate_by
            pagination["per_page"] = min(max(per_page, 1), self.max_per_page)
        return pagination

    def get_paginate_by(self, queryset) -> None:
        # The table paginates (django-tables2); paginating the object list as well would count rows twice.
        return None

    def get_export_filename(self, export_format: str) -> str:
        return f"{self.model._meta.model_name}.{export_format}"

    def create_export(self, export_format: str):
        """CSV and XLSX through ortaq.core.exports (typed cells, Russian Excel defaults, no live formulas)."""
        if export_format not in ("csv", "xlsx"):
            return super().create_export(export_format)
        table = self.get_table(**self.get_table_kwargs())
        sheet = exports.table_sheet(table, str(self.model._meta.verbose_name_plural), self.exclude_columns)
        return exports.file_response(export_format, self.model._meta.model_name, sheet, self.request)

    def get_template_names(self) -> list[str]:
        if self.request.htmx and not self.request.htmx.boosted:
            return ["core/_list_table.html"]
        return [f"{self.model._meta.app_label}/{self.model._meta.model_name}_list.html", self.template_name]

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["meta"] = self.model._meta
        context["can_add"] = self.request.user.has_perm(permission_name(self.model, "add"))
        context["add_url"] = reverse(self.model.url_name("create"))
        return context


class RecordDetailView(ModelPermissionMixin, DetailView):
    """A record with its relations, its sources and its history."""

    template_name = "core/object_detail.html"

    def get_template_names(self) -> list[str]:
        return [f"{self.model._meta.app_label}/{self.model._meta.model_name}_detail.html", self.template_name]

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(
            meta=self.model._meta,
            can_change=user.has_perm(permission_name(self.model, "change"), self.object),
            can_delete=user.has_perm(permission_name(self.model, "delete"), self.object),
            history=history_rows(self.object, limit=10),
            **plugins.detail_context(self.object),  # its sources, and what other apps show on its page
        )
        return context


class RecordFormMixin:
    """Saves a form (and its formsets) in one transaction, checking scope and keeping provenance."""

    template_name = "core/object_form.html"
    formset_classes: dict = {}

    def get_formsets(self) -> dict:
        prefix_kwargs = {"instance": getattr(self, "object", None)}
        data = self.request.POST if self.request.method == "POST" else None
        files = self.request.FILES if self.request.method == "POST" else None
        return {name: cls(data, files, prefix=name, **prefix_kwargs) for name, cls in self.formset_classes.items()}

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["meta"] = self.model._meta
        context.setdefault("formsets", self.get_formsets())
        return context

    def get_form_kwargs(self) -> dict:
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        return kwargs

    def post(self, request, *args, **kwargs):
        self.object = self.get_object_or_none()
        # The stored record's scope and parents, taken before the form writes the posted values into it.
        self.write_check = WriteCheck(request.user, stored=self.object)
        form = self.get_form()
        formsets = self.get_formsets()
        if form.is_valid() and all(formset.is_valid() for formset in formsets.values()):
            return self.save_all(form, formsets)
        return self.render_to_response(self.get_context_data(form=form, formsets=formsets))

    def get_object_or_none(self):
        return None

    def save_all(self, form, formsets: dict):
        stale = self.stale_changes(form)
        if stale:
            return self.refuse_stale(form, formsets, stale)
        refusal = self.write_check.refusal_before(form.instance)
        if refusal:
            form.add_error(None, refusal)
            return self.render_to_response(self.get_context_data(form=form, formsets=formsets))
        try:
            with transaction.atomic():
                form.instance.expected_version = self.loaded_version(form)
                self.object = form.save()
                for formset in formsets.values():
                    formset.instance = self.object
                    self.save_formset(formset)
                self.after_save(form)
                refusal = self.write_check.refusal_after(self.object)
                if refusal:
                    raise OutOfScope(refusal)
        except StaleRecord:
            # lost a race: someone saved between the check above and this save (the row lock decided)
            return self.refuse_stale(form, formsets, self.stale_changes(form))
        except OutOfScope as error:
            form.add_error(None, str(error))
            return self.render_to_response(self.get_context_data(form=form, formsets=formsets))
        except IntegrityError as error:
            form.add_error(None, _("База данных отклонила запись: %(error)s") % {"error": error})
            return self.render_to_response(self.get_context_data(form=form, formsets=formsets))
        messages.success(self.request, _("Сохранено: %(record)s") % {"record": self.object})
        return HttpResponseRedirect(self.get_success_url())

    def refuse_stale(self, form, formsets: dict, stale: list):
        # Said once: in the panel that lists the other changes (core/object_form.html), or, when a race was
        # lost before those changes could be listed, as the form's error.
        if not stale:
            form.add_error(None, _("Запись изменилась, пока вы её редактировали. Ваши изменения не сохранены."))
        return self.render_to_response(self.get_context_data(form=form, formsets=formsets, stale=stale))

    def save_formset(self, formset) -> None:
        formset.save()

    def loaded_version(self, form) -> int | None:
        """The version the edited form was loaded at (None for a new record)."""
        return None

    def stale_changes(self, form) -> list:
        return []

    def after_save(self, form) -> None:
        pass

    def get_success_url(self) -> str:
        return self.object.get_absolute_url()


class RecordCreateView(ModelPermissionMixin, RecordFormMixin, CreateView):
    action = "add"

    def get_permission_object(self):
        return None

    def get_initial(self) -> dict:
        """Fields preset from the query string (`?parent=12`), each kept only when its form field accepts it."""
        initial = super().get_initial()
        fields = self.get_form_class().base_fields
        for key, value in self.request.GET.items():
            if key not in fields:
                continue
            try:
                fields[key].clean(value)
            except (ValidationError, ValueError, TypeError, OverflowError):
                continue
            initial[key] = value
        return initial

    def after_save(self, form) -> None:
        record_entered.send(sender=type(self.object), record=self.object, user=self.request.user, note="")


class RecordUpdateView(ModelPermissionMixin, RecordFormMixin, UpdateView):
    action = "change"

    def get_object_or_none(self):
        return self.get_object()

    def loaded_version(self, form) -> int | None:
        return form.cleaned_data.get("loaded_version")

    def stale_changes(self, form) -> list:
        loaded = self.loaded_version(form)
        stored = type(self.object)._default_manager.filter(pk=self.object.pk).values_list("version", flat=True).first()
        if loaded is None or stored is None or loaded >= stored:
            return []
        return changes_since(self.object, loaded)


class RecordDeleteView(ModelPermissionMixin, DeleteView):
    action = "delete"
    template_name = "core/object_confirm_delete.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["meta"] = self.model._meta
        return context

    def form_valid(self, form):
        record = str(self.object)
        try:
            with transaction.atomic():
                self.object.delete()
        except (ProtectedError, IntegrityError):
            messages.error(self.request, _("«%(record)s» нельзя удалить: на запись ссылаются другие записи.")
                           % {"record": record})
            return HttpResponseRedirect(self.object.get_absolute_url())
        messages.success(self.request, _("Удалено: %(record)s") % {"record": record})
        return HttpResponseRedirect(reverse(self.model.url_name("list")))

"""The paste/upload form and one review form per kind of proposal (accepting always goes through it)."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ortaq.agreements.models import Agreement
from ortaq.core.forms import DateInput
from ortaq.directory.models import Organization
from ortaq.events.models import Event, Program, ReportedFigure
from ortaq.extraction.rules.supply import PRODUCT_CATEGORIES
from ortaq.foodbelt.models import ProductCategory, Qualifier, SupplyProgram
from ortaq.reader.inputs import (
    ARCHIVE_MAX_BYTES,
    MAX_FILE_BYTES,
    InputRefused,
    InputText,
    from_archive,
    from_bytes,
    from_text,
    is_text_archive,
)
from ortaq.regions.models import Region

try:  # the food-belt app is built separately; supply figures go there once it exists
    from ortaq.foodbelt.models import ReportedSupplyTotal
except ImportError:  # pragma: no cover - depends on the food-belt app
    ReportedSupplyTotal = None


def check_web_length(text: str) -> None:
    """A page reads a text within the web limit (ORTAQ_WEB_TEXT_LIMIT, so the reading ends well inside the
    server's request timeout); a longer one is read by the console command, which has no such limit."""
    limit = settings.ORTAQ_WEB_TEXT_LIMIT
    if len(text) > limit:
        raise InputRefused(_("Текст слишком длинный для чтения на сайте: %(length)s символов, предел — %(limit)s. "
                             "Разделите документ на части или прочитайте его командой ortaq ingest.") % {
            "length": f"{len(text):,}".replace(",", " "), "limit": f"{limit:,}".replace(",", " ")})


class DocumentForm(forms.Form):
    """A press release pasted as text or uploaded as .txt / .docx."""

    text = forms.CharField(label=_("Текст"), required=False, widget=forms.Textarea(attrs={"rows": 14}))
    file = forms.FileField(label=_("или файл .txt / .docx, или архив .zip с такими файлами"), required=False)

    def clean(self) -> dict:
        cleaned = super().clean()
        upload, text = cleaned.get("file"), cleaned.get("text") or ""
        try:
            cleaned["archive"] = []
            if upload and upload.size <= ARCHIVE_MAX_BYTES and is_text_archive(head := upload.read(), upload.name):
                cleaned["archive"] = from_archive(head, upload.name)
                cleaned["input"], cleaned["file_name"] = cleaned["archive"][0][1], upload.name
            elif upload:
                upload.seek(0)
                if upload.size > MAX_FILE_BYTES:
                    raise InputRefused(_("Файл слишком большой: %(size)s байт; предел — 1 000 000 символов "
                                         "текста (1 МБ). Разделите документ на части.") % {"size": upload.size})
                cleaned["input"] = from_bytes(upload.read(), upload.name)
                cleaned["file_name"] = upload.name
            elif text.strip():
                cleaned["input"] = from_text(text)
                cleaned["file_name"] = ""
            else:
                raise InputRefused(_("Вставьте текст пресс-релиза или выберите файл: документ пуст."))
            check_web_length(cleaned["input"].text)
        except InputRefused as error:
            raise forms.ValidationError(str(error)) from error
        return cleaned

    @property
    def input(self) -> InputText:
        return self.cleaned_data["input"]


def region_field(required: bool = False) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(Region.objects.all(), to_field_name="code", required=required,
                                  label=_("Регион"))


class ReviewForm(forms.Form):
    """Base: turns a payload into initial data and cleaned data back into a payload."""

    create_new = forms.BooleanField(label=_("Не связывать с найденной записью — создать новую"), required=False)

    def __init__(self, *args, proposal=None, **kwargs):
        self.proposal = proposal
        super().__init__(*args, **kwargs)
        if proposal is not None and not proposal.matched_id:
            del self.fields["create_new"]

    @classmethod
    def initial_from(cls, proposal) -> dict:
        return dict(proposal.payload)

    def payload(self) -> dict:
        """The edited item as a SCHEMA-like dict (JSON-serializable)."""
        out = {}
        for name, value in self.cleaned_data.items():
            if name == "create_new":
                continue
            if isinstance(value, Region):
                value = value.code
            elif isinstance(value, Decimal):
                value = int(value) if value == value.to_integral_value() else str(value)
            elif isinstance(value, datetime.date):
                value = value.isoformat()
            elif hasattr(value, "pk"):
                value = value.pk
            out[name] = value
        return out


class RegionReviewForm(ReviewForm):
    code = region_field(required=True)

    @classmethod
    def initial_from(cls, proposal) -> dict:
        return {"code": proposal.payload.get("code")}


LEGAL_FORMS = "|".join(form for form, _label in Organization.LegalForm.choices if form)
LEGAL_FORM_RE = re.compile(rf"^({LEGAL_FORMS})\s")


def guess_organization(name: str) -> tuple[str, str]:
    """(legal form, kind) guessed from an organization's name."""
    match = LEGAL_FORM_RE.match(name)
    legal_form = match.group(1) if match else ""
    low = name.lower()
    if low.startswith("акимат"):
        return legal_form or "ГУ", Organization.Kind.AKIMAT
    if low.startswith(("управление", "департамент", "министерство", "отдел")):
        return legal_form or "ГУ", Organization.Kind.GOVERNMENT_BODY
    if legal_form == "СПК":
        return legal_form, Organization.Kind.SEC
    if legal_form in ("ТОО", "АО", "ИП"):
        return legal_form, Organization.Kind.COMPANY
    return legal_form, Organization.Kind.OTHER


class OrganizationReviewForm(ReviewForm):
    name = forms.CharField(label=_("Название"), max_length=500)
    region = region_field()
    legal_form = forms.ChoiceField(label=_("Форма"), choices=Organization.LegalForm.choices, required=False)
    kind = forms.ChoiceField(label=_("Вид"), choices=Organization.Kind.choices)

    @classmethod
    def initial_from(cls, proposal) -> dict:
        legal_form, kind = guess_organization(proposal.payload.get("name") or "")
        return {**proposal.payload, "legal_form": legal_form, "kind": kind}


class PersonReviewForm(ReviewForm):
    first_name = forms.CharField(label=_("Имя"), max_length=100, required=False)
    last_name = forms.CharField(label=_("Фамилия"), max_length=100)
    title = forms.CharField(label=_("Должность"), max_length=300, required=False)
    region = region_field()
    organization = forms.CharField(label=_("Организация (если должность в организации)"), required=False)

    @classmethod
    def initial_from(cls, proposal) -> dict:
        words = (proposal.payload.get("name") or "").split()
        position = proposal.payload.get("position") or {}
        return {"first_name": " ".join(words[:-1]), "last_name": words[-1] if words else "",
                "title": position.get("title") or "", "region": position.get("region"),
                "organization": position.get("organization") or ""}


class AgreementReviewForm(ReviewForm):
    kind = forms.ChoiceField(label=_("Вид"), choices=Agreement.Kind.choices)
    title = forms.CharField(label=_("Название"), max_length=500, required=False,
                            help_text=_("если пусто — «Меморандум: сторона — сторона»"))
    parties = forms.CharField(label=_("Стороны, по одной в строке"), widget=forms.Textarea(attrs={"rows": 3}))
    signed_on = forms.DateField(label=_("Дата подписания"), required=False, widget=DateInput())

    @classmethod
    def initial_from(cls, proposal) -> dict:
        return {"kind": proposal.payload.get("kind"), "title": proposal.payload.get("title") or "",
                "parties": "\n".join(proposal.payload.get("parties") or []),
                "signed_on": proposal.payload.get("signed_on") or proposal.document.published_on}

    def clean_parties(self) -> list[str]:
        parties = [line.strip() for line in self.cleaned_data["parties"].splitlines() if line.strip()]
        if len(set(parties)) < 2:
            raise forms.ValidationError(_("У соглашения должно быть не меньше двух разных сторон."))
        return parties


class EventReviewForm(ReviewForm):
    kind = forms.ChoiceField(label=_("Вид"), choices=Event.Kind.choices)
    title = forms.CharField(label=_("Название"), max_length=500)
    region = region_field()
    start_date = forms.DateField(label=_("Дата"), widget=DateInput(),
                                 help_text=_("в тексте даты нет — укажите её"))

    @classmethod
    def initial_from(cls, proposal) -> dict:
        payload = proposal.payload
        title = payload.get("title") or str(Event.Kind(payload.get("kind") or "other").label).capitalize()
        return {**payload, "title": title,
                "start_date": payload.get("start_date") or proposal.document.published_on}


METRICS = {"меморандум": ReportedFigure.Metric.MEMORANDA_SIGNED, "регион": ReportedFigure.Metric.REGIONS_VISITED,
           "соглашение": ReportedFigure.Metric.AGREEMENTS_SIGNED, "мероприятие": ReportedFigure.Metric.EVENTS_HELD}
SUPPLY_KINDS = {"money", "volume", "percent"}


class FigureReviewForm(ReviewForm):
    kind = forms.ChoiceField(label=_("Вид"), choices=[(k, k) for k in ("count", "money", "volume", "percent")])
    value = forms.DecimalField(label=_("Значение"), max_digits=20, decimal_places=2, min_value=0)
    unit = forms.CharField(label=_("Единица"), max_length=50, required=False)
    qualifier = forms.CharField(label=_("Уточнение"), max_length=20, required=False)
    year = forms.IntegerField(label=_("Год"), required=False, min_value=1991, max_value=2100)
    program = forms.ModelChoiceField(Program.objects.all(), required=False, label=_("Программа (для счёта)"))
    metric = forms.ChoiceField(label=_("Показатель"), choices=ReportedFigure.Metric.choices, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if ReportedSupplyTotal is not None:
            model = ReportedSupplyTotal._meta.get_field("program").related_model
            self.fields["supply_program"] = forms.ModelChoiceField(
                model.objects.all(), required=False, label=_("Программа поставок (для денег, объёма, %)"))
            self.fields["region"] = region_field()

    @classmethod
    def initial_from(cls, proposal) -> dict:
        payload = proposal.payload
        return {**payload, "metric": METRICS.get(payload.get("unit") or "", ReportedFigure.Metric.OTHER)}

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("kind") == "count" and not cleaned.get("program"):
            self.add_error("program", _("Выберите программу, к которой относится этот показатель."))
        if cleaned.get("kind") in SUPPLY_KINDS:
            if ReportedSupplyTotal is None:
                raise forms.ValidationError(_("Денежные, объёмные и процентные показатели поставок принимаются "
                                              "в модуль продовольственного пояса, который ещё не подключён."))
            if not cleaned.get("supply_program"):
                self.add_error("supply_program", _("Выберите программу поставок."))
            if not cleaned.get("region"):
                self.add_error("region", _("Укажите регион-поставщик."))
            if not cleaned.get("year"):
                self.add_error("year", _("Укажите год, к которому относится показатель."))
        return cleaned


def text_agreements(proposal) -> list[int]:
    """The registry agreements this text's agreement proposals became (or already matched), nearest first:
    the one the commitment proposal points at, then the others."""
    wanted = (proposal.payload.get("proposed") or proposal.payload).get("agreement")
    found: list[int] = []
    siblings = proposal.document.proposals.filter(kind="agreement").order_by("ordinal")
    for sibling in sorted(siblings, key=lambda p: p.ordinal != wanted):
        pk = sibling.record_id if sibling.status == "accepted" else sibling.matched_id
        if pk and pk not in found:
            found.append(pk)
    return found


class CommitmentReviewForm(ReviewForm):
    """A commitment under an agreement of the same text: that agreement must be accepted (or known) first."""

    agreement = forms.ModelChoiceField(Agreement.objects.none(), label=_("Соглашение"),
                                       error_messages={"required": _("Сначала примите соглашение, подписанное в "
                                                                     "этом тексте: обязательство записывается "
                                                                     "под ним.")})
    text = forms.CharField(label=_("Обязательство"), widget=forms.Textarea(attrs={"rows": 2}))
    due_date = forms.DateField(label=_("Срок"), required=False, widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.proposal is not None:
            self.fields["agreement"].queryset = Agreement.objects.filter(pk__in=text_agreements(self.proposal))

    @classmethod
    def initial_from(cls, proposal) -> dict:
        found = text_agreements(proposal)
        return {"agreement": found[0] if found else None, "text": proposal.payload.get("text") or "",
                "due_date": proposal.payload.get("due_date")}


def supply_program_for(region: str | None) -> SupplyProgram | None:
    """The program the region supplies (or the only program there is)."""
    programs = SupplyProgram.objects.all()
    if region:
        found = programs.filter(regions__code=region).first()
        if found:
            return found
    return programs.first() if programs.count() == 1 else None


class SupplyReviewForm(ReviewForm):
    """A food-belt figure reported by the text: a reported total of a supplying region, product and year."""

    supply_program = forms.ModelChoiceField(SupplyProgram.objects.all(), label=_("Программа поставок"))
    region = region_field(required=True)
    category = forms.ModelChoiceField(ProductCategory.objects.all(), to_field_name="slug", required=False,
                                      label=_("Категория продукции (пусто — всего)"))
    year = forms.IntegerField(label=_("Год"), min_value=1991, max_value=2100)
    kind = forms.ChoiceField(label=_("Вид"), choices=ReportedSupplyTotal.Kind.choices)
    volume_tonnes = forms.DecimalField(label=_("Объём, т"), max_digits=14, decimal_places=3, min_value=0,
                                       required=False)
    value_tenge = forms.DecimalField(label=_("Сумма, тенге"), max_digits=18, decimal_places=2, min_value=0,
                                     required=False)
    qualifier = forms.ChoiceField(label=_("Оговорка"), choices=[("", "—"), *Qualifier.choices], required=False)

    @classmethod
    def initial_from(cls, proposal) -> dict:
        payload = proposal.payload
        program = supply_program_for(payload.get("region"))
        published = proposal.document.published_on
        return {**payload, "supply_program": program.pk if program else None,
                "category": PRODUCT_CATEGORIES.get(payload.get("product") or ""),
                "year": payload.get("year") or (published.year if published else None)}

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("volume_tonnes") is None and cleaned.get("value_tenge") is None:
            raise forms.ValidationError(_("Укажите объём или сумму поставок."))
        return cleaned


FORMS = {"region": RegionReviewForm, "organization": OrganizationReviewForm, "person": PersonReviewForm,
         "agreement": AgreementReviewForm, "event": EventReviewForm, "figure": FigureReviewForm,
         "commitment": CommitmentReviewForm, "supply": SupplyReviewForm}


def review_form(proposal, data=None) -> ReviewForm:
    """The kind's form, bound to posted data, or to the proposal's own payload when data is None."""
    form_class = FORMS[proposal.kind]
    prefix = f"p{proposal.pk}"
    if data is None:
        initial = form_class.initial_from(proposal)
        unbound = form_class(proposal=proposal, initial=initial, prefix=prefix)
        data = {}
        for name, field in unbound.fields.items():
            value = unbound.get_initial_for_field(field, name)
            if value is None or value is False:
                continue
            data[f"{prefix}-{name}"] = value.isoformat() if isinstance(value, datetime.date) else value
    return form_class(data, proposal=proposal, prefix=prefix)


def unbound_review_form(proposal) -> ReviewForm:
    """The kind's form showing the proposal's payload, for editing before accepting."""
    form_class = FORMS[proposal.kind]
    return form_class(proposal=proposal, initial=form_class.initial_from(proposal), prefix=f"p{proposal.pk}")

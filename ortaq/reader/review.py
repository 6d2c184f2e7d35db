"""Accepting or rejecting a proposal: records created or linked in one transaction, each with its source."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ortaq.agreements.models import Agreement, Commitment, Party, editing_parties
from ortaq.core.permissions import can_change_record, permission_name
from ortaq.directory.models import Organization, Person, Position
from ortaq.events.models import Event, ReportedFigure
from ortaq.reader.forms import SUPPLY_KINDS, ReportedSupplyTotal, ReviewForm, guess_organization
from ortaq.reader.matching import Matcher
from ortaq.reader.models import Proposal
from ortaq.regions.models import Region
from ortaq.sources.models import Source, add_source


class ReviewRefused(Exception):
    """The proposal cannot be accepted as it is; the message tells the reviewer why."""


@dataclass
class Outcome:
    """The main record and every record the acceptance created or linked (each gets the source)."""

    record: object
    touched: list = field(default_factory=list)


class Acceptor:
    """Applies one reviewed payload to the registry on behalf of a user."""

    def __init__(self, proposal: Proposal, user, payload: dict, link: bool) -> None:
        self.proposal, self.user, self.payload, self.link = proposal, user, payload, link
        self.matcher = Matcher()
        self.touched: list = []

    def _may_add(self, model) -> None:
        if not self.user.has_perm(permission_name(model, "add")):
            raise ReviewRefused(_("У вас нет права добавлять записи «%(model)s».")
                                % {"model": model._meta.verbose_name_plural})

    def _create(self, model, **fields):
        self._may_add(model)
        record = model.objects.create(**fields)
        self.touched.append(record)
        return record

    def _linked(self, record):
        self.touched.append(record)
        return record

    def _matched(self, kind: str):
        if not self.link:
            return None
        record, _score = self.matcher.match(kind, self.payload, self.proposal.document.published_on)
        return record

    @staticmethod
    def _region(code: str | None) -> Region | None:
        return Region.objects.filter(code=code).first() if code else None

    # -- kinds ---------------------------------------------------------------------------------------------
    def region(self):
        region = self._region(self.payload["code"])
        if region is None:
            raise ReviewRefused(_("Региона с кодом %(code)s нет в справочнике.") % {"code": self.payload["code"]})
        return self._linked(region)

    def organization(self):
        payload = self.payload
        found = self.matcher.organization(payload["name"])[0] if self.link else None
        if found:
            return self._linked(found)
        return self._create(Organization, name=payload["name"], region=self._region(payload.get("region")),
                            legal_form=payload.get("legal_form") or "", kind=payload.get("kind") or "other")

    def party_organization(self, name: str) -> Organization:
        """A new organization for an agreement party the registry does not know."""
        legal_form, kind = guess_organization(name)
        return self._create(Organization, name=name, legal_form=legal_form, kind=kind)

    def person(self):
        payload = self.payload
        person = None
        if self.link:
            person = self.matcher.person(f"{payload.get('first_name', '')} {payload['last_name']}".strip())[0]
        if person is None:
            person = self._create(Person, first_name=payload.get("first_name") or "", last_name=payload["last_name"])
        else:
            self._linked(person)
        region = self._region(payload.get("region"))
        organization = None
        if payload.get("organization"):
            organization = self.matcher.organization(payload["organization"])[0]
        if payload.get("title") and (region or organization):
            position = Position.objects.filter(person=person, title__iexact=payload["title"], region=region,
                                               organization=organization).first()
            if position is None:
                position = self._create(Position, person=person, title=payload["title"], region=region,
                                        organization=organization, start_date=self.proposal.document.published_on)
            else:
                self._linked(position)
        return person

    def agreement(self):
        payload = self.payload
        found = self._matched("agreement")
        if found:
            return self._linked(found)
        sides: list[tuple[str, object]] = []
        for name in payload["parties"]:
            key = self.matcher.resolve_party(name)
            if key and key[0] == "region":
                # a region party is touched like any record: one scope rule for every way a region gets in
                side = ("region", self._linked(Region.objects.get(pk=key[1])))
            elif key:
                side = ("organization", self._linked(Organization.objects.get(pk=key[1])))
            else:
                side = ("organization", self.party_organization(name))
            if side in sides:
                raise ReviewRefused(_("Две стороны соглашения оказались одной и той же записью: %(name)s.")
                                    % {"name": side[1]})
            sides.append(side)
        kind = payload.get("kind") or Agreement.Kind.MEMORANDUM
        title = payload.get("title") or f"{Agreement.Kind(kind).label.capitalize()}: " + " — ".join(payload["parties"])
        agreement = self._create(Agreement, kind=kind, title=title[:500], signed_on=payload.get("signed_on"),
                                 status=Agreement.Status.SIGNED, note=_("Из пресс-релиза."))
        with editing_parties(agreement):
            for what, side in sides:
                Party.objects.create(agreement=agreement, **{what: side})
        agreement.save()  # re-index with its parties
        return agreement

    def event(self):
        payload = self.payload
        day = datetime.date.fromisoformat(payload["start_date"])
        found = None
        if self.link:
            found = self.matcher.event(payload["kind"], payload.get("region"), payload.get("title"), day)[0]
        if found:
            return self._linked(found)
        return self._create(Event, kind=payload["kind"], title=payload["title"], start_date=day,
                            region=self._region(payload.get("region")))

    def figure(self):
        payload = self.payload
        if payload["kind"] in SUPPLY_KINDS:
            return self.supply_figure()
        from ortaq.events.models import Program

        program = Program.objects.get(pk=payload["program"])
        metric = payload.get("metric") or ReportedFigure.Metric.OTHER
        found = ReportedFigure.objects.filter(program=program, metric=metric, value=payload["value"]).first()
        if found and self.link:
            return self._linked(found)
        return self._create(ReportedFigure, program=program, metric=metric, value=payload["value"],
                            as_of=self.proposal.document.published_on,
                            note=(payload.get("unit") or "")[:300])

    def supply_figure(self):
        model = ReportedSupplyTotal
        program = model._meta.get_field("program").related_model.objects.get(pk=self.payload["supply_program"])
        column = {"money": "value_tenge", "volume": "volume_tonnes", "percent": "growth_percent"}[self.payload["kind"]]
        keys = {"program": program, "region": self._region(self.payload.get("region")), "year": self.payload.get("year")}
        record = model.objects.filter(**keys).first()
        if record is None:
            self._may_add(model)
            record = model(**keys)
        setattr(record, column, self.payload["value"])
        qualifier = self.payload.get("qualifier") or ""
        if qualifier and qualifier in {c for c, _l in model._meta.get_field("qualifier").choices or []}:
            record.qualifier = qualifier
        record.save()
        self.touched.append(record)
        return record

    def commitment(self):
        """A commitment under the agreement of the same text; the agreement is touched too, so that accepting
        needs edit rights on it (one scope rule) and it is cited with the commitment's sentence."""
        payload = self.payload
        agreement = self._linked(Agreement.objects.get(pk=payload["agreement"]))
        due = datetime.date.fromisoformat(payload["due_date"]) if payload.get("due_date") else None
        found = agreement.commitments.filter(text__iexact=payload["text"].strip()).first() if self.link else None
        if found:
            return self._linked(found)
        return self._create(Commitment, agreement=agreement, text=payload["text"].strip(), due_date=due)

    def supply(self):
        """A reported food-belt total of the supplying region, product category, year and kind (plan/actual):
        the figures go onto the record for those keys, which is created when there is none."""
        from ortaq.foodbelt.models import ProductCategory, SupplyProgram

        payload = self.payload
        keys = {"program": SupplyProgram.objects.get(pk=payload["supply_program"]),
                "region": self._region(payload["region"]), "year": payload["year"],
                "kind": payload.get("kind") or ReportedSupplyTotal.Kind.ACTUAL,
                "category": ProductCategory.objects.get(pk=payload["category"]) if payload.get("category") else None}
        record = ReportedSupplyTotal.objects.filter(**keys).first()
        if record is None:
            self._may_add(ReportedSupplyTotal)
            record = ReportedSupplyTotal(**keys, as_of=self.proposal.document.published_on,
                                         note=_("Из пресс-релиза."))
        for field_name in ("volume_tonnes", "value_tenge"):
            if payload.get(field_name) not in (None, ""):
                setattr(record, field_name, payload[field_name])
        record.qualifier = payload.get("qualifier") or record.qualifier
        record.save()
        self.touched.append(record)
        return record

    def apply(self) -> Outcome:
        record = getattr(self, self.proposal.kind)()
        return Outcome(record, self.touched)


def accept(proposal: Proposal, user, form: ReviewForm):
    """Create or link the proposal's records, each sourced to the document's sentence; all or nothing."""
    if not user.has_perm("reader.review_proposal"):
        raise PermissionDenied(_("Принимать предложения могут только редакторы."))
    if not user.has_perm("reader.decide_proposal", proposal):
        raise ReviewRefused(_("Документ вне вашей зоны: он о других регионах, решать по нему могут их "
                              "редакторы или администратор."))
    payload = form.payload()
    link = not form.cleaned_data.get("create_new")
    try:
        with transaction.atomic():
            locked = Proposal.objects.select_for_update().select_related("document").get(pk=proposal.pk)
            if locked.status != Proposal.Status.PENDING:
                raise ReviewRefused(_("По этому предложению уже принято решение."))
            outcome = Acceptor(locked, user, payload, link).apply()
            for record in outcome.touched:
                if not can_change_record(user, record):
                    raise ReviewRefused(_("«%(record)s» вне вашей зоны: вы можете принимать записи только "
                                          "о своих регионах и организациях.") % {"record": record})
                cite(record, locked, user)
            record = outcome.record
            locked.payload = {**payload, "proposed": proposal.payload.get("proposed", proposal.payload)}
            locked.status = Proposal.Status.ACCEPTED
            locked.record_type = ContentType.objects.get_for_model(type(record))
            locked.record_id = record.pk
            locked.decided_by, locked.decided_at = user, timezone.now()
            locked.save()
    except IntegrityError as error:
        raise ReviewRefused(_("База данных отклонила запись: %(error)s") % {"error": error}) from error
    proposal.refresh_from_db()
    return record


def reopen(proposal: Proposal, user) -> None:
    """Put a decided proposal back in the queue (its decider or an administrator): the records it created or
    linked stay in the registry with their sources; the proposal shows what was first proposed again."""
    if not user.has_perm("reader.reopen_proposal", proposal):
        raise PermissionDenied(_("Вернуть решение к рассмотрению может тот, кто его принял, или администратор."))
    with transaction.atomic():
        locked = Proposal.objects.select_for_update().get(pk=proposal.pk)
        if locked.status == Proposal.Status.PENDING:
            raise ReviewRefused(_("Это предложение ещё ждёт решения."))
        locked.payload = locked.payload.get("proposed") or locked.payload
        locked.status = Proposal.Status.PENDING
        locked.record_type, locked.record_id = None, None
        locked.decided_by, locked.decided_at = None, None
        locked.save()
    proposal.refresh_from_db()


def cite(record, proposal: Proposal, user) -> Source:
    """Attach the document as the record's source with the proposal's sentence (spans merged if cited before)."""
    text = proposal.document.text
    mentions = "; ".join(text[s:e] for s, e in proposal.spans[:3] if 0 <= s < e <= len(text))
    source = add_source(record, Source.Kind.DOCUMENT, document=proposal.document, entered_by=user,
                        spans=[[proposal.sentence_start, proposal.sentence_end]],
                        note=(_("упоминание: %(text)s") % {"text": mentions})[:500])
    span = [proposal.sentence_start, proposal.sentence_end]
    if span not in source.spans:
        source.spans = sorted([*source.spans, span])
        source.save(update_fields=["spans"])
    return source


def reject(proposal: Proposal, user) -> None:
    """Mark the proposal rejected (nothing is written to the registry)."""
    if not user.has_perm("reader.review_proposal"):
        raise PermissionDenied(_("Отклонять предложения могут только редакторы."))
    if not user.has_perm("reader.decide_proposal", proposal):
        raise ReviewRefused(_("Документ вне вашей зоны: он о других регионах, решать по нему могут их "
                              "редакторы или администратор."))
    updated = Proposal.objects.filter(pk=proposal.pk, status=Proposal.Status.PENDING).update(
        status=Proposal.Status.REJECTED, decided_by=user, decided_at=timezone.now())
    if not updated:
        raise ReviewRefused(_("По этому предложению уже принято решение."))
    proposal.refresh_from_db()

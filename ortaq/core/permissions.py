"""The one permission layer: rules predicates used by pages, forms, exports and the API alike.

Roles: an administrator may do everything; an editor may add records and change or delete those whose
scope (parties, hosts, owners and their regions) meets the editor's regions or organizations; a viewer
reads; anonymous visitors read only when ORTAQ_ANONYMOUS_READ is on.
"""

from __future__ import annotations

import rules
from django.conf import settings
from django.utils.translation import gettext as _

ADMIN, EDITOR, VIEWER = "admin", "editor", "viewer"


def role_of(user) -> str | None:
    """The user's role, or None for anonymous and inactive users."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    if user.is_superuser:
        return ADMIN
    profile = getattr(user, "profile", None)
    return profile.role if profile else VIEWER


def user_scope(user) -> tuple[set[int], set[int]]:
    """Region and organization ids an editor works for (cached on the user object per request)."""
    cached = getattr(user, "_ortaq_scope", None)
    if cached is not None:
        return cached
    profile = getattr(user, "profile", None)
    if profile is None:
        scope: tuple[set[int], set[int]] = (set(), set())
    else:
        scope = (
            set(profile.regions.values_list("pk", flat=True)),
            set(profile.organizations.values_list("pk", flat=True)),
        )
    user._ortaq_scope = scope
    return scope


@rules.predicate
def can_read(user) -> bool:
    if getattr(user, "is_authenticated", False):
        return user.is_active
    return bool(settings.ORTAQ_ANONYMOUS_READ)


@rules.predicate
def is_administrator(user) -> bool:
    return role_of(user) == ADMIN


@rules.predicate
def is_editor(user) -> bool:
    return role_of(user) == EDITOR


@rules.predicate
def record_in_scope(user, record) -> bool:
    """True when the record belongs to nobody yet, or to one of the editor's regions or organizations."""
    if record is None:
        return False
    record_scope = record.scope()
    if not record_scope.region_ids and not record_scope.organization_ids:
        return True
    regions, organizations = user_scope(user)
    return bool(record_scope.region_ids & regions or record_scope.organization_ids & organizations)


can_write = is_administrator | is_editor
can_change_record = is_administrator | (is_editor & record_in_scope)

rules.add_perm("core.view_history", can_read)
rules.add_perm("core.restore_version", is_administrator)
rules.add_perm("core.use_admin", is_administrator)


# "app.model" → "registry" or "reference": which of the two rule sets below a model was given.
REGISTERED_KINDS: dict[str, str] = {}


def register_registry_models(app_label: str, *model_names: str) -> None:
    """Scoped records: everyone who may read sees them, editors change those in their scope."""
    for name in model_names:
        REGISTERED_KINDS[f"{app_label}.{name}"] = "registry"
        rules.add_perm(f"{app_label}.view_{name}", can_read)
        rules.add_perm(f"{app_label}.add_{name}", can_write)
        rules.add_perm(f"{app_label}.change_{name}", can_change_record)
        rules.add_perm(f"{app_label}.delete_{name}", can_change_record)


def register_reference_models(app_label: str, *model_names: str) -> None:
    """Reference data (regions, areas): everyone reads, administrators change."""
    for name in model_names:
        REGISTERED_KINDS[f"{app_label}.{name}"] = "reference"
        rules.add_perm(f"{app_label}.view_{name}", can_read)
        rules.add_perm(f"{app_label}.add_{name}", is_administrator)
        rules.add_perm(f"{app_label}.change_{name}", is_administrator)
        rules.add_perm(f"{app_label}.delete_{name}", is_administrator)


def permission_name(model, action: str) -> str:
    """'agreements.change_agreement' for (Agreement, 'change')."""
    return f"{model._meta.app_label}.{action}_{model._meta.model_name}"


def parent_records(record) -> list:
    """The records this one hangs from (its model's `scope_parents`), as set on the instance now."""
    parents = []
    for name in getattr(type(record), "scope_parents", ()):
        if getattr(record, f"{name}_id", None) is not None:
            parents.append(getattr(record, name))
    return parents


class WriteCheck:
    """The one rule for a write, checked around its save, for pages and the API alike.

    Before the save: the user may change the record as stored (checked by the caller's object permission)
    and every parent it hangs from, the old ones and the new ones, as they are now. After the save (inside
    the same transaction): the record and its parents as they will be are still the user's to change; an
    editor leaves the record with a scope (unless its model allows none, `scope_may_be_empty`) and takes
    away no region that is not theirs (another region's party of a shared agreement stays).
    """

    def __init__(self, user, stored=None) -> None:
        self.user = user
        self.scope_before = stored.scope() if stored is not None and stored.pk else None
        self.parents_before = parent_records(stored) if stored is not None and stored.pk else []

    def refusal_before(self, record) -> str | None:
        """Why the user may not write the record under its new parents (None when they may)."""
        for parent in [*self.parents_before, *parent_records(record)]:
            if not self.user.has_perm(permission_name(type(parent), "change"), parent):
                return _("«%(parent)s» вне вашей зоны: изменять то, что к нему относится, может только его "
                         "редактор или администратор.") % {"parent": parent}
        return None

    def refusal_after(self, record) -> str | None:
        """Why the saved record may not stay as it is (None when it may); call inside the transaction."""
        if not self.user.has_perm(permission_name(type(record), "change"), record):
            return _("Запись должна касаться ваших регионов или организаций: укажите сторону, организатора "
                     "или ответственного из вашей зоны.")
        for parent in parent_records(record):
            fresh = type(parent)._default_manager.get(pk=parent.pk)
            if not self.user.has_perm(permission_name(type(fresh), "change"), fresh):
                return _("«%(parent)s» вне вашей зоны.") % {"parent": fresh}
        if role_of(self.user) != EDITOR:
            return None
        return self._scope_refusal(record)

    def _scope_refusal(self, record) -> str | None:
        scope = record.scope()
        if not scope.region_ids and not scope.organization_ids and not getattr(record, "scope_may_be_empty", False):
            return _("Укажите регион, организацию или сторону: запись без них редактор сохранить не может.")
        if self.scope_before is None:
            return None
        regions, _organizations = user_scope(self.user)
        taken = self.scope_before.region_ids - scope.region_ids - regions
        if taken:
            regions_of_profile = self.user.profile.regions  # an editor's: its model is the regions app's Region
            names = ", ".join(str(region) for region in regions_of_profile.model.objects.filter(pk__in=taken))
            return _("Нельзя убрать из записи чужой регион (%(regions)s): это может сделать его редактор или "
                     "администратор.") % {"regions": names}
        return None

"""REST framework permission class backed by the same rules as the pages."""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from ortaq.core.permissions import can_read, permission_name

ACTIONS = {"GET": "view", "HEAD": "view", "OPTIONS": "view", "POST": "add", "PUT": "change",
           "PATCH": "change", "DELETE": "delete"}


def view_model(view):
    """The model a view serves, or None for views without one (the API root, the schema)."""
    queryset = getattr(view, "queryset", None)
    if queryset is None and hasattr(view, "get_queryset"):
        try:
            queryset = view.get_queryset()
        except (AssertionError, AttributeError, NotImplementedError):
            queryset = None
    return getattr(queryset, "model", None)


class RulesPermission(BasePermission):
    """Checks `<app>.<action>_<model>` through rules, with the object when there is one."""

    def has_permission(self, request, view) -> bool:
        model = view_model(view)
        if model is None:
            return request.method in SAFE_METHODS and can_read(request.user)
        action = ACTIONS.get(request.method, "change")
        if request.method in SAFE_METHODS or action == "add":
            return request.user.has_perm(permission_name(model, action))
        return True  # change and delete are decided per object

    def has_object_permission(self, request, view, obj) -> bool:
        return request.user.has_perm(permission_name(type(obj), ACTIONS.get(request.method, "change")), obj)

"""REST framework permission class backed by the same rules as the pages."""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from ortaq.core.permissions import permission_name

ACTIONS = {"GET": "view", "HEAD": "view", "OPTIONS": "view", "POST": "add", "PUT": "change",
           "PATCH": "change", "DELETE": "delete"}


class RulesPermission(BasePermission):
    """Checks `<app>.<action>_<model>` through rules, with the object when there is one."""

    def has_permission(self, request, view) -> bool:
        model = view.get_queryset().model
        action = ACTIONS.get(request.method, "change")
        if request.method in SAFE_METHODS or action == "add":
            return request.user.has_perm(permission_name(model, action))
        return True  # change and delete are decided per object

    def has_object_permission(self, request, view, obj) -> bool:
        return request.user.has_perm(permission_name(type(obj), ACTIONS.get(request.method, "change")), obj)

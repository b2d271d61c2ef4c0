"""Locked sign-ins in the admin: Moderators see which accounts and addresses django-axes has
locked after too many wrong passwords, and release one by deleting its row."""

from axes.models import AccessAttempt
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy


class ReleaseOnlyPolicy(ModelPermissionPolicy):
    """Rows are written by django-axes only: staff may look at them and delete them."""

    def user_has_permission(self, user, action):
        return action not in ("add", "change") and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(AccessAttempt, ReleaseOnlyPolicy(AccessAttempt))


class LockedSignInViewSet(ModelViewSet):
    model = AccessAttempt
    icon = "lock"
    menu_label = "Locked sign-ins"
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time"]
    list_filter = ["attempt_time"]
    search_fields = ["username", "ip_address"]
    search_backend_name = None
    form_fields = ["username"]  # never shown: nobody may add or change a row


@hooks.register("register_admin_viewset")
def register_locked_sign_ins():
    return LockedSignInViewSet("locked_sign_ins")

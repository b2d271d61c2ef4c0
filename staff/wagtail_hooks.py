"""Staff sign-in in the admin: locked sign-ins, which Moderators see and release (django-axes
locks an account or an address after too many wrong passwords; a row's deletion releases it),
and the pages of the second factor (staff/second_factor.py)."""

import django_otp
from axes.models import AccessAttempt
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from staff import second_factor


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


@hooks.register("register_admin_urls")
def register_second_factor_urls():
    return second_factor.urls()


@hooks.register("register_account_menu_item")
def second_factor_menu_item(request):
    return {
        "url": reverse("second_factor_manage"),
        "label": "Second factor",
        "help_text": "The code from your phone that you give after your password.",
    }


@hooks.register("register_user_listing_buttons")
def reset_second_factor_button(user, request_user):
    if request_user.is_superuser and django_otp.user_has_device(user, confirmed=None):
        yield ListingButton(
            "Reset second factor",
            reverse("second_factor_reset", args=(user.pk,)),
            icon_name="key",
            priority=50,
        )


@hooks.register("register_log_actions")
def second_factor_log_actions(actions):
    actions.register_action(
        "staff.second_factor_reset", "Reset second factor", "Second factor reset by the owner"
    )


# Private pages and documents (Wagtail's privacy settings) ask only whether someone is signed
# in: a person who owes the second-factor code counts as signed in only once they give it.
@hooks.register("before_serve_page")
def private_pages_need_the_second_factor(page, request, serve_args, serve_kwargs):
    if request.user.is_authenticated and page.get_view_restrictions().exists():
        return second_factor_first(request)


@hooks.register("before_serve_document")
def private_documents_need_the_second_factor(document, request):
    if request.user.is_authenticated and document.collection.get_view_restrictions().exists():
        return second_factor_first(request)


def second_factor_first(request):
    step = second_factor.step_still_to_take(request.user)
    if step:
        return second_factor.redirect_with_next(request, step)

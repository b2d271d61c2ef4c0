"""The lead inbox: estimate requests in the Wagtail admin, for staff with permission."""

from functools import wraps

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, StatusFlagColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from contact.models import EstimatePhoto, EstimateRequest
from contact.tasks import resend


def forbidden_as_403(view):
    """Answer a refused lead page with 403 Forbidden. (Elsewhere the admin redirects to the
    dashboard; for customers' personal data a plain refusal is clearer.)"""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            return HttpResponseForbidden(
                "You do not have permission to see estimate requests.", content_type="text/plain"
            )

    return wrapper


# Spreadsheet programs run cells that start like this as formulas.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class EstimateRequestIndexView(IndexView):
    """Newest first; spam only when asked for with the spam filter."""

    default_ordering = "-submit_time"

    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("material", "assignee")
        if self.request.GET.get("is_spam") in (None, ""):
            queryset = queryset.filter(is_spam=False)
        return queryset

    def write_csv_row(self, writer, row_dict):
        return super().write_csv_row(
            writer, {field: spreadsheet_safe(value) for field, value in row_dict.items()}
        )


class EstimateRequestFilterSet(WagtailFilterSet):
    undelivered = django_filters.BooleanFilter(
        label="Emails not delivered",
        field_name="mail_failed_at",
        lookup_expr="isnull",
        exclude=True,
    )

    class Meta:
        model = EstimateRequest
        fields = ["kind", "status", "outside_area", "is_spam", "submit_time", "undelivered"]


class EstimateRequestInspectView(InspectView):
    """A request's page; when its emails could not be sent, a button to send them again."""

    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)  # a copy: the base may share one list
        if self.object.mail_undelivered and self.request.user.has_perm(
            "contact.change_estimaterequest"
        ):
            url = reverse("estimate_request_resend", args=(self.object.pk,))
            buttons.append(HeaderButton("Send the emails again", url=url, icon_name="mail"))
        # What other apps offer for their kinds of lead, e.g. the yard's "Extend the hold".
        for hook in hooks.get_hooks("lead_header_buttons"):
            buttons.extend(hook(self.request, self.object))
        return buttons


class EstimateRequestPermissionPolicy(ModelPermissionPolicy):
    """Requests come only from the website form: nobody adds one by hand in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(EstimateRequest, EstimateRequestPermissionPolicy(EstimateRequest))


LEAD_FIELDS = [
    "submit_time",
    "kind",
    "name",
    "phone",
    "email",
    "zip_code",
    "outside_area",
    "project_type",
    "material",
    "status",
    "assignee",
    "notes",
]


class EstimateRequestViewSet(ModelViewSet):
    model = EstimateRequest
    icon = "mail"
    menu_label = "Estimate requests"
    menu_order = 150
    add_to_admin_menu = True
    index_view_class = EstimateRequestIndexView
    inspect_view_class = EstimateRequestInspectView
    filterset_class = EstimateRequestFilterSet
    inspect_view_enabled = True
    copy_view_enabled = False
    list_per_page = 50
    # The name is the first column, so it is the link that opens the request.
    list_display = [
        "name",
        "submit_time",
        "kind",
        "phone",
        "email",
        "material",
        Column("quote_display", label="Estimate"),
        "status",
        "assignee",
        StatusFlagColumn("outside_area", label="Area", true_label="Outside"),
        StatusFlagColumn("mail_undelivered", label="Emails", true_label="Not delivered"),
    ]
    search_fields = ["name", "email", "phone"]
    search_backend_name = None
    list_export = [*LEAD_FIELDS, "quote_low", "quote_high", "form_data", "job"]
    export_filename = "estimate-requests"
    form_fields = ["status", "assignee", "notes", "is_spam"]
    inspect_view_fields = [
        *LEAD_FIELDS,
        "quote_details",
        "details",
        "photo_links",
        "is_spam",
        "spam_reason",
        "staff_notified_at",
        "visitor_confirmed_at",
        "mail_failed_at",
    ]

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            pattern.callback = forbidden_as_403(pattern.callback)
        return patterns


estimate_request_viewset = EstimateRequestViewSet("estimate_requests")


@forbidden_as_403
def estimate_photo(request, pk):
    """A visitor's photo, only for staff who may see estimate requests."""
    if not request.user.has_perm("contact.view_estimaterequest"):
        raise PermissionDenied
    photo = get_object_or_404(EstimatePhoto, pk=pk)
    response = FileResponse(photo.image.open("rb"), content_type="image/jpeg")
    response["Content-Disposition"] = f'inline; filename="estimate-{photo.estimate_id}-{pk}.jpg"'
    response["Cache-Control"] = "private, no-store"
    return response


@forbidden_as_403
def estimate_resend(request, pk):
    """Send a request's undelivered emails again, for staff who may change requests."""
    if not request.user.has_perm("contact.change_estimaterequest"):
        raise PermissionDenied
    estimate = get_object_or_404(EstimateRequest, pk=pk)
    back_url = reverse(estimate_request_viewset.get_url_name("inspect"), args=(pk,))
    if request.method == "POST":
        resend(estimate)
        messages.success(request, f"The emails for {estimate} are queued to be sent again.")
        return redirect(back_url)
    return TemplateResponse(
        request,
        "contact/admin/resend.html",
        {"estimate": estimate, "back_url": back_url, "page_title": "Send the emails again",
         "page_subtitle": str(estimate), "header_icon": "mail"},
    )  # fmt: skip

from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from wagtail import hooks
from wagtail.admin.search import SearchArea
from wagtail.admin.ui.components import Component

from contact.models import ContactPage, EstimateRequest
from contact.views import estimate_photo, estimate_request_viewset, estimate_resend


@hooks.register("filter_form_submissions_for_user")
def leads_only_for_lead_staff(user, form_pages):
    """Estimate requests are personal data: Wagtail's generic Forms screen shows them only to
    staff who may see leads, whoever can edit the contact page."""
    if user.has_perm("contact.view_estimaterequest"):
        return form_pages
    return form_pages.not_type(ContactPage)


class EstimateRequestSearchArea(SearchArea):
    def is_shown(self, request):
        return request.user.has_perm("contact.view_estimaterequest")


@hooks.register("register_admin_search_area")
def register_estimate_request_search():
    """The admin's search box also looks through requests by name, email or phone."""
    return EstimateRequestSearchArea(
        "Estimate requests",
        reverse(estimate_request_viewset.get_url_name("index")),
        icon_name="mail",
        order=150,
    )


@hooks.register("construct_main_menu")
def hide_generic_forms_menu(request, menu_items):
    """The contact form is the only form, and its requests have their own inbox."""
    menu_items[:] = [item for item in menu_items if item.name != "forms"]


@hooks.register("register_admin_urls")
def register_estimate_photo_url():
    return [
        path("estimate-photos/<int:pk>/", estimate_photo, name="estimate_photo"),
        path("estimate-requests/<int:pk>/resend/", estimate_resend, name="estimate_request_resend"),
    ]


@hooks.register("register_admin_viewset")
def register_estimate_requests():
    return estimate_request_viewset


class NewEstimateRequestsPanel(Component):
    """Dashboard line: how many requests nobody has picked up yet."""

    name = "new_estimate_requests"
    order = 50

    def render_html(self, parent_context=None):
        leads = EstimateRequest.objects.filter(is_spam=False)
        index = reverse(estimate_request_viewset.get_url_name("index"))
        new = leads.filter(status="new").count()
        lines = [
            format_html(
                '<p><a href="{}?status=new">{} new request{} waiting</a></p>',
                index, new, "" if new == 1 else "s",
            )
        ]  # fmt: skip
        if undelivered := leads.filter(mail_failed_at__isnull=False).count():
            lines.append(
                format_html(
                    '<p><a href="{}?undelivered=true">{} request{} whose emails could not be '
                    "sent</a>: open each to send them again.</p>",
                    index, undelivered, "" if undelivered == 1 else "s",
                )
            )  # fmt: skip
        return format_html(
            '<section class="panel"><h2>Estimate requests</h2>{}</section>',
            format_html_join("", "{}", ((line,) for line in lines)),
        )


@hooks.register("construct_homepage_panels")
def add_estimate_requests_panel(request, panels):
    if request.user.has_perm("contact.view_estimaterequest"):
        panels.append(NewEstimateRequestsPanel())

"""Articles reach the public only after a Moderator has checked facts, dates, names, sources."""

import datetime
from unittest import mock

import pytest
from django import forms
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import TaskState

from blog.factories import ArticlePageFactory, BlogIndexPageFactory
from blog.models import ArticlePage, FactCheckForm, FactCheckTask
from blog.tests.admin_forms import sourced_article_form
from conftest import sign_in
from staff.roles import EDITORS, MODERATORS

pytestmark = pytest.mark.django_db

MINUTE = datetime.timedelta(minutes=1)
# Every box of the reviewer's checklist, ticked.
CHECKLIST = {
    name: "on"
    for name, field in FactCheckForm.base_fields.items()
    if isinstance(field, forms.BooleanField)
}


@pytest.fixture
def blog(home, business):
    return BlogIndexPageFactory(parent=home)


@pytest.fixture
def people(staff_user):
    return {"editor": staff_user(EDITORS, "edna"), "moderator": staff_user(MODERATORS, "mo")}


def submitted_article(client, blog, editor):
    sign_in(client, editor)
    url = reverse("wagtailadmin_pages:add", args=("blog", "articlepage", blog.pk))
    response = client.post(url, sourced_article_form(action="action-submit"))
    assert response.status_code == 302
    return ArticlePage.objects.get()


def action_url(article, action):
    task_state = article.current_workflow_state.current_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=(article.pk, action, task_state.pk))


def test_a_new_blog_sends_its_articles_to_a_fact_check(blog):
    workflow = blog.get_workflow()

    assert workflow.name == "Article review"
    [task] = workflow.tasks.specific()
    assert isinstance(task, FactCheckTask)
    assert [group.name for group in task.groups.all()] == [MODERATORS]


def test_editor_submits_and_moderator_approves_after_the_checklist(client, blog, people):
    article = submitted_article(client, blog, people["editor"])
    assert not article.live
    assert article.current_workflow_state.workflow.name == "Article review"
    # The editor cannot approve their own article: Wagtail sends them back to the dashboard.
    refused = client.post(action_url(article, "approve"), CHECKLIST)
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    article.refresh_from_db()
    assert not article.live

    sign_in(client, people["moderator"])
    modal = client.get(action_url(article, "approve")).content.decode()
    assert "The facts match the sources" in modal and "Dates are right" in modal
    incomplete = {"comment": "Looks fine", "facts": "on"}
    response = client.post(
        action_url(article, "approve"), incomplete, headers={"x-requested-with": "XMLHttpRequest"}
    )
    assert "This field is required" in response.content.decode()
    article.refresh_from_db()
    assert not article.live

    client.post(action_url(article, "approve"), {"comment": "Checked", **CHECKLIST})

    article.refresh_from_db()
    assert article.live
    assert "Carrara marble" in client.get("/blog/").content.decode()
    assert "Carrara marble" in client.get("/blog/feed/").content.decode()
    approved = TaskState.objects.get(status=TaskState.STATUS_APPROVED)
    assert approved.finished_by == people["moderator"] and approved.get_comment() == "Checked"


def test_moderator_asks_for_changes_with_a_comment(client, blog, people):
    article = submitted_article(client, blog, people["editor"])
    sign_in(client, people["moderator"])

    client.post(action_url(article, "reject"), {"comment": "The treaty was signed in March."})

    article.refresh_from_db()
    assert not article.live
    state = article.workflow_states.get()
    assert state.status == state.STATUS_NEEDS_CHANGES
    rejected = TaskState.objects.get(status=TaskState.STATUS_REJECTED)
    assert rejected.get_comment() == "The treaty was signed in March."
    # The editor sees the comment when they open the article again.
    sign_in(client, people["editor"])
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,))).content.decode()
    assert "The treaty was signed in March." in edit


def test_editors_cannot_publish_directly(client, blog, people):
    sign_in(client, people["editor"])
    url = reverse("wagtailadmin_pages:add", args=("blog", "articlepage", blog.pk))

    client.post(url, sourced_article_form(action="action-publish"))

    assert not ArticlePage.objects.get().live


def test_a_scheduled_article_appears_once_its_time_has_come(client, blog):
    article = ArticlePageFactory(parent=blog, live=False, title="Soapstone sinks", slug="sinks")
    go_live = timezone.now() + datetime.timedelta(hours=2)
    article.go_live_at = go_live
    article.save_revision().publish()

    article.refresh_from_db()
    assert not article.live and article.scheduled_revision
    call_command("publish_scheduled")  # too early: nothing happens
    assert client.get("/blog/sinks/").status_code == 404
    assert "Soapstone sinks" not in client.get("/blog/").content.decode()

    with mock.patch("django.utils.timezone.now", return_value=go_live + MINUTE):
        call_command("publish_scheduled")

    assert client.get("/blog/sinks/").status_code == 200
    assert "Soapstone sinks" in client.get("/blog/").content.decode()
    assert "Soapstone sinks" in client.get("/blog/feed/").content.decode()


def test_an_expired_article_leaves_the_site(client, blog):
    article = ArticlePageFactory(parent=blog, title="Winter offer", slug="winter")
    article.expire_at = timezone.now() + datetime.timedelta(days=1)
    article.save_revision().publish()
    assert client.get("/blog/winter/").status_code == 200

    with mock.patch("django.utils.timezone.now", return_value=article.expire_at + MINUTE):
        call_command("publish_scheduled")

    assert client.get("/blog/winter/").status_code == 404


def test_the_dashboard_lists_what_awaits_review_and_recent_edits(client, blog, people):
    submitted_article(client, blog, people["editor"])
    editor_dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Your most recent edits" in editor_dashboard
    assert "Carrara marble" in editor_dashboard

    sign_in(client, people["moderator"])
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Awaiting your review" in dashboard
    assert "Carrara marble" in dashboard


def test_staff_see_the_accessibility_checker_on_public_pages(client, blog, people):
    sign_in(client, people["editor"])

    html = client.get("/blog/").content.decode()

    assert "<wagtail-userbar" in html
    assert "checker-axe-configuration" in html  # the "Checks" item runs axe in the page

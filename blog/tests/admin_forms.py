"""The article editor's form as the admin posts it, for tests that write articles."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

SOURCE = {
    "title": "Encyclopaedia Britannica",
    "author": "",
    "publisher": "",
    "year": "",
    "url": "https://www.britannica.com/",
}


def article_form(action="action-publish", **overrides):
    data = {
        "title": "Carrara marble",
        "slug": "carrara-marble",
        "introduction": "Where it comes from.",
        "date": "2026-03-01",
        "author": "Office",
        "last_reviewed": "2026-03-02",
        "tags": "",
        "body": streamfield([("paragraph", rich_text("<p>Quarried since Roman times.</p>"))]),
        "sources": inline_formset([]),
        action: action.removeprefix("action-"),
    }
    data.update(overrides)
    return nested_form_data(data)


def sourced_article_form(**overrides):
    return article_form(sources=inline_formset([SOURCE], min=1), **overrides)

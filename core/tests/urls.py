"""The site's addresses plus its uploaded photos, for the live server the browser tests use.

In production nginx serves /media/ and Django never does (config/urls.py serves it only with
DEBUG on); a browser test needs the photos to load to see what a visitor sees.
"""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from config.urls import urlpatterns as site_urlpatterns


def media(request, path):
    # MEDIA_ROOT is read per request: the demo_site fixture points it at a temporary folder.
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [re_path(r"^media/(?P<path>.*)$", media), *site_urlpatterns]

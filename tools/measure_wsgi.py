"""The production WSGI application, plus WhiteNoise serving MEDIA_ROOT, to measure the site
(Lighthouse) without nginx in front. Only for measuring: production never imports it, and
there nginx serves /media/.

    gunicorn tools.measure_wsgi -w 2 -b 127.0.0.1:8765
"""

from django.conf import settings
from whitenoise import WhiteNoise

from config.wsgi import application as django_application

# A photo size made after start (a page published meanwhile) is found too (autorefresh).
# Photo files never change once made: a new size gets a new name, as static files do.
application = WhiteNoise(
    django_application,
    root=settings.MEDIA_ROOT,
    prefix=settings.MEDIA_URL,
    autorefresh=True,
    max_age=365 * 24 * 3600,
)

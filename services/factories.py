import factory
import wagtail_factories

from images.factories import ImageFactory
from services.models import ServiceIndexPage, ServicePage


class ServiceIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ServiceIndexPage

    title = "Services"
    slug = "services"
    show_in_menus = True


class ServicePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ServicePage

    title = factory.Sequence(lambda n: f"Service {n}")
    summary = factory.LazyAttribute(lambda o: f"What {o.title} involves, in one line.")
    introduction = "We template, cut and install."
    hero_image = factory.SubFactory(ImageFactory)

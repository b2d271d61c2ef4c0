from decimal import Decimal

import factory
import wagtail_factories

from images.factories import ImageFactory
from materials.models import Material, MaterialIndexPage


class MaterialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Material
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Stone {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))
    summary = factory.LazyAttribute(lambda o: f"{o.name} is a hard-wearing natural stone.")
    description = "<p>A natural stone cut from a quarry block.</p>"
    care_notes = "<ul><li>Wipe spills promptly.</li></ul>"
    image = factory.SubFactory(ImageFactory)
    price_low = Decimal("45")
    price_high = Decimal("95")


class MaterialIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MaterialIndexPage

    title = "Materials"
    slug = "materials"
    show_in_menus = True

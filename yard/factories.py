import factory

from materials.factories import MaterialFactory
from yard.models import Slab, SlabYardPage


class SlabFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Slab

    kind = Slab.Kind.SLAB
    material = factory.SubFactory(MaterialFactory, name="Granite", slug="granite")
    colour = "Absolute Black"
    lot = factory.Sequence(lambda n: f"L{1000 + n}")
    finish = Slab.Finish.POLISHED
    thickness = 3
    length = 120
    width = 65
    location = "Rack 1"
    price = factory.LazyAttribute(lambda o: 400 if o.kind == Slab.Kind.REMNANT else None)


def make_yard_page(parent, **overrides):
    """The yard at /slabs/, published."""
    page = SlabYardPage(title="Slab yard", slug="slabs", introduction="What is in stock.",
                        **overrides)  # fmt: skip
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page

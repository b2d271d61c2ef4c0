"""Build the whole demo site. Running it again updates the same objects and adds no files."""

import datetime
import io
import random
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image, ImageColor, ImageEnhance, ImageOps, ImageStat
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, Site

from blog.models import ArticlePage, ArticleSource, BlogIndexPage
from contact.models import ContactPage, EstimateRequest
from core.demo import content
from core.tasks import prepare_page_photos
from gallery.models import GalleryPage, GalleryPhoto
from home.models import HomeFeaturedService, HomePage, StandardPage, Testimonial
from images.models import CustomImage
from materials.models import Material, MaterialIndexPage
from pricing.models import (
    Cutout,
    EdgeProfile,
    EdgeProfilesPage,
    PricingRules,
    TearOut,
    current_price_list,
)
from pricing.quote import price, read_job
from services.models import ServiceIndexPage, ServicePage
from site_settings.models import BusinessSettings, SearchEngineSettings
from yard import holds
from yard.models import Slab, SlabHold, SlabPhoto, SlabYardPage

PHOTOS = Path(content.__file__).parent / "photos"
SMALL_WIDTH = 320
# The yard's fifty photos, in tests: each is made in some twenty sizes and formats (AVIF takes
# the time, in proportion to the pixels), and no test looks at a slab's grain.
SMALL_SLAB_WIDTH = 160


class Command(BaseCommand):
    help = "Load the demo content: business settings, pages, materials, gallery, articles, slabs."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the home page already has pages under it.",
        )
        parser.add_argument(
            "--small-images",
            action="store_true",
            help="Copy the photos shrunk to 320 pixels wide (fast; for tests).",
        )

    def handle(self, *args, if_empty=False, small_images=False, **options):
        home = HomePage.objects.first()
        if if_empty and home is not None and home.get_children().exists():
            self.stdout.write("The site already has content; demo content not loaded.")
            return
        self.small_images = small_images
        with transaction.atomic():
            self.images = self.load_images()
            home, site = self.load_home()
            self.load_settings(site)
            self.materials = self.load_materials()
            self.load_prices()
            services = self.load_services(home)
            self.load_materials_page(home)
            # Linked from the materials and service pages, not from the main menu.
            self.upsert_page(home, EdgeProfilesPage, "edge-profiles", **content.EDGE_PROFILES_PAGE)
            self.load_gallery(home)
            self.load_blog(home)
            self.load_standard_pages(home)
            self.load_contact(home)
            self.load_slab_yard(home)
            self.load_testimonials()
            self.feature_services(home, services)
        self.stdout.write("Making the photo sizes the pages use...")
        for page in Page.objects.live().filter(depth__gt=1):
            prepare_page_photos.call(page.pk)
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))

    # Helpers

    def image(self, key):
        return self.images[key] if key else None

    def photo(self, key):
        """The demo photo as a file to store, shrunk when small images were asked for."""
        path = PHOTOS / f"{key}.jpg"
        if not self.small_images:
            return ImageFile(path.open("rb"), path.name)
        with Image.open(path) as picture:
            picture.thumbnail((SMALL_WIDTH, picture.height))
            data = io.BytesIO()
            picture.save(data, "JPEG", quality=82)
        return ImageFile(data, path.name)

    def resolve_blocks(self, blocks):
        """Swap image keys in the demo StreamField data for image ids."""
        resolved = []
        for block in blocks:
            if block["type"] == "image":
                value = dict(block["value"])
                value["image"] = {
                    "image": self.images[value["image"]].pk,
                    "decorative": False,
                    "alt_text": "",
                }
                block = {"type": "image", "value": value}
            resolved.append(block)
        return resolved

    def upsert_page(self, parent, model, slug, **fields):
        """Create the page under parent, or update the existing one, and publish it."""
        page = model.objects.child_of(parent).filter(slug=slug).first()
        creating = page is None
        if creating:
            page = model(slug=slug)
        for name, value in fields.items():
            setattr(page, name, value)
        if creating:
            parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    def upsert_section(self, home, model, slug, data, **fields):
        """A section of the site under the home page and in the menu, e.g. /services/."""
        return self.upsert_page(
            home,
            model,
            slug,
            title=data["title"],
            introduction=data["introduction"],
            show_in_menus=True,
            **fields,
        )

    # Steps

    def load_images(self):
        result = {}
        for key, spec in content.IMAGES.items():
            image = CustomImage.objects.filter(title=spec["title"]).first()
            if image is None:
                image = CustomImage(title=spec["title"], description=spec["alt"])
                with self.photo(key) as file:
                    image.file = file
                    image.save()
            elif image.description != spec["alt"]:
                image.description = spec["alt"]
                image.save(update_fields=["description"])
            result[key] = image
        return result

    def load_home(self):
        data = content.HOME
        home = HomePage.objects.first()
        if home is None:
            root = Page.get_first_root_node()
            home = HomePage(title="Home", slug="home", headline=data["headline"])
            root.add_child(instance=home)
        home.title = "Home"
        home.seo_title = data["seo_title"]
        home.headline = data["headline"]
        home.introduction = data["introduction"]
        home.hero_image = self.image(data["hero_image"])
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first() or Site(
            is_default_site=True, hostname="localhost", port=80
        )
        if (site.hostname, site.port) == ("localhost", 80):
            # Still the placeholder from the first migration: use the address the site is
            # served on, so feed and sitemap links work (http://127.0.0.1:8000 for `make run`).
            address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
            site.hostname = address.hostname or "localhost"
            site.port = address.port or (443 if address.scheme == "https" else 80)
        site.root_page = home
        site.site_name = content.BUSINESS["name"]
        site.save()
        return home, site

    def load_settings(self, site):
        data = content.BUSINESS
        business = BusinessSettings.for_site(site)
        business.business_name = data["name"]
        business.tagline = data["tagline"]
        business.phone = data["phone"]
        business.email = data["email"]
        business.street_address = data["street"]
        business.city = data["city"]
        business.region = data["region"]
        business.postal_code = data["postal_code"]
        business.service_area = data["service_area"]
        business.service_zip_codes = data["service_zip_codes"]
        business.estimate_cta = data["estimate_cta"]
        business.opening_hours = [
            {"type": "hours", "value": hours} for hours in data["opening_hours"]
        ]
        business.social_links = [{"type": "link", "value": link} for link in data["social_links"]]
        business.save()
        sharing = SearchEngineSettings.for_site(site)
        sharing.share_image = self.images[content.HOME["hero_image"]]
        sharing.save()

    def load_materials(self):
        result = {}
        for order, data in enumerate(content.MATERIALS):
            material, _ = Material.objects.update_or_create(
                slug=data["slug"],
                defaults={
                    "name": data["name"],
                    "summary": data["summary"],
                    "description": data["description"],
                    "durability": data["durability"],
                    "heat_resistance": data["heat_resistance"],
                    "stain_resistance": data["stain_resistance"],
                    "upkeep": data["upkeep"],
                    "care_notes": data["care_notes"],
                    "price_low": data["price_low"],
                    "price_high": data["price_high"],
                    "image": self.images.get(f"material-{data['slug']}"),
                    "sort_order": order,
                },
            )
            result[material.slug] = material
        return result

    def load_prices(self):
        for model, rows in [
            (EdgeProfile, content.EDGE_PROFILES),
            (Cutout, content.CUTOUTS),
            (TearOut, content.TEAR_OUTS),
        ]:
            for order, row in enumerate(rows):
                low, high = row["price"]
                fields = {key: value for key, value in row.items() if key not in ("slug", "price")}
                if model is EdgeProfile:
                    fields["drawing"] = self.images.get(f"edge-{row['slug']}")
                item, _ = model.objects.update_or_create(
                    slug=row["slug"],
                    defaults={**fields, "price_low": low, "price_high": high, "sort_order": order},
                )
                item.save_revision()
        rules = PricingRules.objects.first() or PricingRules()
        for name, value in content.PRICING_RULES.items():
            setattr(rules, name, value)
        rules.save()
        rules.save_revision()

    def load_services(self, home):
        index = self.upsert_section(home, ServiceIndexPage, "services", content.SERVICES_INDEX)
        services = []
        for data in content.SERVICES:
            page = self.upsert_page(
                index,
                ServicePage,
                data["slug"],
                title=data["title"],
                summary=data["summary"],
                introduction=data["introduction"],
                hero_image=self.image(data["hero_image"]),
                body=self.resolve_blocks(data["body"]),
            )
            page.materials.set([self.materials[slug] for slug in data["materials"]])
            page.save_revision().publish()
            services.append((page, data.get("featured", False)))
        return services

    def load_materials_page(self, home):
        data = content.MATERIALS_PAGE
        page = self.upsert_section(
            home, MaterialIndexPage, "materials", data, hero_image=self.image(data["hero_image"])
        )
        # Someone searching for a stone by name gets the comparison first.
        for material in self.materials.values():
            SearchPromotion.objects.update_or_create(
                query=Query.get(material.name),
                page=page,
                defaults={"description": f"{material.name}: {material.summary}"},
            )

    def load_gallery(self, home):
        data = content.GALLERY
        gallery = self.upsert_section(home, GalleryPage, "gallery", data)
        gallery.photos = [
            GalleryPhoto(
                image=self.images[photo["key"]],
                before_image=self.images.get(f"{photo['key']}-before") if photo["before"] else None,
                caption=photo["caption"],
                material=self.materials[photo["material"]],
                room=photo["room"],
                sort_order=order,
            )
            for order, photo in enumerate(data["photos"])
        ]
        gallery.save_revision().publish()

    def load_blog(self, home):
        blog = self.upsert_section(home, BlogIndexPage, "blog", content.BLOG)
        for data in content.ARTICLES:
            page = self.upsert_page(
                blog,
                ArticlePage,
                data["slug"],
                title=data["title"],
                date=datetime.date.fromisoformat(data["date"]),
                last_reviewed=datetime.date.fromisoformat(data["last_reviewed"]),
                author=data["author"],
                introduction=data["introduction"],
                hero_image=self.image(data["hero_image"]),
                body=self.resolve_blocks(data["body"]),
            )
            page.sources = [
                ArticleSource(sort_order=order, **source)
                for order, source in enumerate(data["sources"])
            ]
            page.tags.set(data["tags"], clear=True)
            page.save_revision().publish()

    def load_standard_pages(self, home):
        for data in content.STANDARD_PAGES:
            self.upsert_page(
                home,
                StandardPage,
                data["slug"],
                title=data["title"],
                introduction=data["introduction"],
                body=self.resolve_blocks(data["body"]),
                show_in_menus=data["slug"] == "about",
            )

    def load_contact(self, home):
        data = content.CONTACT
        contact = self.upsert_page(
            home,
            ContactPage,
            "contact",
            title=data["title"],
            introduction=data["introduction"],
            thank_you_text=data["thank_you_text"],
            to_address=content.BUSINESS["email"],
            from_address=content.BUSINESS["email"],
            subject=data["subject"],
            confirmation_text=data["confirmation_text"],
        )
        contact.set_form_fields(data["fields"])
        contact.save_revision().publish()
        self.load_sample_leads(contact)

    def load_sample_leads(self, contact):
        """Requests priced by the builder as the visitor would have been shown them; loaded once
        (a lead a demo user has answered is left as it is)."""
        price_list = current_price_list()
        business = BusinessSettings.for_site(contact.get_site())
        for data in content.SAMPLE_LEADS:
            if EstimateRequest.objects.filter(email=data["email"]).exists():
                continue
            job_data = {"stone": data["stone"], **data["job"]}
            job, errors = read_job(job_data, price_list)
            if errors:
                raise ValueError(f"Sample lead {data['name']}: {errors}")
            quote = price(job, price_list.rules).as_json()
            answers = {key: data[key] for key in ("email", "phone", "zip_code", "project_type")}
            estimate = EstimateRequest.objects.create(
                page=contact,
                form_data={"your_name": data["name"], **answers, "stone": data["stone"],
                           "tell_us_about_the_project": data["message"], "photos": "0 photo(s)"},
                name=data["name"],
                **answers,
                outside_area=not business.serves(data["zip_code"]),
                material=self.materials[data["stone"]],
                job=job_data,
                quote=quote,
                quote_low=quote["total_low"],
                quote_high=quote["total_high"],
                status=data["status"],
                notes=data.get("notes", ""),
            )  # fmt: skip
            submitted = timezone.now() - datetime.timedelta(days=data["days_ago"], hours=2)
            EstimateRequest.objects.filter(pk=estimate.pk).update(submit_time=submitted)

    def load_testimonials(self):
        for order, data in enumerate(content.TESTIMONIALS):
            Testimonial.objects.update_or_create(
                name=data["name"],
                project=data["project"],
                defaults={
                    "quote": data["quote"],
                    "location": data["location"],
                    "sort_order": order,
                },
            )

    def feature_services(self, home, services):
        home = HomePage.objects.get(pk=home.pk)
        home.featured_services = [
            HomeFeaturedService(service=page, sort_order=order)
            for order, page in enumerate(page for page, featured in services if featured)
        ]
        home.save_revision().publish()

    def load_slab_yard(self, home):
        data = content.SLAB_YARD
        yard = self.upsert_page(
            home,
            SlabYardPage,
            "slabs",
            title=data["title"],
            introduction=data["introduction"].format(hold_hours=settings.SLAB_HOLD_HOURS),
            show_in_menus=True,
        )
        # In the menu beside the stones it is cut from, not last.
        materials = MaterialIndexPage.objects.child_of(home).first()
        if materials and getattr(yard.get_prev_sibling(), "pk", None) != materials.pk:
            yard.move(materials, pos="right")
        slabs = {row["lot"]: self.load_slab(row) for row in content.SLABS}
        self.load_holds(yard, slabs)
        sold = slabs[content.SOLD_SLAB]
        if sold.status != Slab.Status.SOLD:
            holds.mark_sold(sold, None)

    def load_slab(self, data):
        slab = Slab.objects.filter(lot=data["lot"]).first() or Slab(lot=data["lot"])
        creating = slab.pk is None
        slab.material = self.materials[data["stone"]]
        for name in ["kind", "colour", "finish", "thickness", "length", "width", "price",
                     "location"]:  # fmt: skip
            setattr(slab, name, data[name])
        images = [self.slab_image(slab, data, close_up=view > 0) for view in range(data["photos"])]
        if [photo.image_id for photo in slab.photos.all()] != [image.pk for image in images]:
            slab.photos = [SlabPhoto(image=image, sort_order=n) for n, image in enumerate(images)]
        slab.full_clean()
        slab.save()
        slab.save_revision()
        if creating:  # the yard lists the newest first: spread the arrivals over past weeks
            arrived = timezone.now() - datetime.timedelta(days=data["days_ago"], hours=3)
            Slab.objects.filter(pk=slab.pk).update(created_at=arrived)
        return slab

    def slab_image(self, slab, data, close_up):
        looks = content.SLAB_COLOURS[data["colour"]]["looks"]
        surface = f"{slab.get_finish_display().lower()} {slab.name}"
        if close_up:
            title = f"{slab}, close-up"
            alt = f"Close-up of the {surface} {slab.kind_name}: {looks}"
        else:
            title = str(slab)
            alt = f"{slab.get_kind_display()} of {surface}, {looks}"
        image = CustomImage.objects.filter(title=title).first()
        if image is None:
            image = CustomImage(title=title, description=alt)
            with self.slab_photo(data, close_up) as file:
                image.file = file
                image.save()
        elif image.description != alt:
            image.description = alt
            image.save(update_fields=["description"])
        return image

    def slab_photo(self, data, close_up):
        """A photo of the slab made from its stone's close-up: a region of the slab's shape
        (a smaller 4:3 one for a close-up), chosen by its lot so each slab looks its own and
        the same on every run, turned, coloured toward the colour's tint and lit for its
        finish."""
        colour = content.SLAB_COLOURS[data["colour"]]
        chance = random.Random(f"{data['lot']} {close_up}")
        with Image.open(PHOTOS / f"material-{colour.get('texture', data['stone'])}.jpg") as stone:
            ratio = 4 / 3 if close_up else data["length"] / data["width"]
            widest = min(stone.width, stone.height * ratio)
            width = int(widest * chance.uniform(*((0.45, 0.6) if close_up else (0.55, 1))))
            height = int(width / ratio)
            left = chance.randint(0, stone.width - width)
            top = chance.randint(0, stone.height - height)
            picture = ImageOps.grayscale(stone.crop((left, top, left + width, top + height)))
        if chance.random() < 0.5:
            picture = ImageOps.mirror(picture)
        if chance.random() < 0.5:
            picture = picture.rotate(180)
        if colour.get("light_veins"):
            picture = ImageOps.invert(picture)
        # The crop's middle grey becomes the tint, and what is darker or lighter stays so, by
        # as much whatever the close-up's own brightness (a colour may soften or sharpen it).
        middle = ImageStat.Stat(picture).median[0]
        strength = 1.5 * colour.get("contrast", 1)
        picture = picture.point(lambda grey: 128 + (grey - middle) * strength)
        tint = ImageColor.getrgb(colour["tint"])
        dark = tuple(int(c * 0.35) for c in tint)
        light = tuple(int(c + (255 - c) * 0.55) for c in tint)
        picture = ImageOps.colorize(picture, black=dark, white=light, mid=tint)
        contrast = {"polished": 1.15, "honed": 0.8, "leathered": 1.0}[data["finish"]]
        picture = ImageEnhance.Contrast(picture).enhance(contrast)
        picture = ImageEnhance.Brightness(picture).enhance(chance.uniform(0.92, 1.08))
        if self.small_images:
            picture.thumbnail((SMALL_SLAB_WIDTH, picture.height))
        file = io.BytesIO()
        picture.save(file, "JPEG", quality=82)
        name = f"slab-{slugify(data['lot'])}{'-close-up' if close_up else ''}.jpg"
        return ImageFile(file, name)

    def load_holds(self, yard, slabs):
        """Holds asked for as a visitor asks on the slab's page (yard/views.py), without the
        emails. Once: a slab with any hold, even an ended one, is left as it is."""
        for data in content.SLAB_HOLDS:
            slab = slabs[data["lot"]]
            if slab.holds.exists():
                continue
            for visitor in data["visitors"]:
                lead = EstimateRequest.objects.create(
                    kind=EstimateRequest.Kind.HOLD,
                    page=yard,
                    form_data={"slab": str(slab), "note": ""},
                    material=slab.material,
                    **visitor,
                )
                if holds.ask(slab, lead).state == SlabHold.State.WAITING:
                    lead.kind = EstimateRequest.Kind.WAITING
                    lead.save(update_fields=["kind"])

"""Business details that editors change in one place and every page reads."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.templatetags.static import static
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import register_setting
from wagtail.fields import StreamField

from core import seo
from core.models import CachedSiteSetting

DAYS = [
    ("monday", "Monday"),
    ("tuesday", "Tuesday"),
    ("wednesday", "Wednesday"),
    ("thursday", "Thursday"),
    ("friday", "Friday"),
    ("saturday", "Saturday"),
    ("sunday", "Sunday"),
]

SOCIAL_PLATFORMS = [
    ("facebook", "Facebook"),
    ("instagram", "Instagram"),
    ("houzz", "Houzz"),
    ("google", "Google Business Profile"),
    ("yelp", "Yelp"),
    ("youtube", "YouTube"),
]


class OpeningHoursBlock(blocks.StructBlock):
    day = blocks.ChoiceBlock(choices=DAYS)
    opens = blocks.TimeBlock()
    closes = blocks.TimeBlock()

    class Meta:
        icon = "time"
        label_format = "{day}"


class SocialLinkBlock(blocks.StructBlock):
    platform = blocks.ChoiceBlock(choices=SOCIAL_PLATFORMS)
    url = blocks.URLBlock(label="Address of the page")

    class Meta:
        icon = "link"
        label_format = "{platform}"


def phone_digits(value):
    """The ten digits of a North American number, without a leading country code 1."""
    digits = re.sub(r"\D", "", value or "")
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    return digits


@register_setting(icon="site")
class BusinessSettings(CachedSiteSetting):
    """Name, phone, address and hours: typed once here, shown in the header, footer and buttons."""

    select_related = ["logo"]

    business_name = models.CharField(
        max_length=120,
        default="L&M Granite and Marble",
        help_text="Shown in the header, footer, page titles and emails.",
    )
    tagline = models.CharField(
        max_length=160, blank=True, help_text="A short line under the name, e.g. what you do."
    )
    phone = models.CharField(
        max_length=30,
        help_text="The number visitors call, e.g. 678.372.5976. Shown as (678) 372-5976.",
    )
    email = models.EmailField(blank=True, help_text="Shown in the footer and used for replies.")
    street_address = models.CharField(
        max_length=200, blank=True, help_text="Shown in the footer and given to search engines."
    )
    city = models.CharField(max_length=100, blank=True, help_text="e.g. Atlanta")
    region = models.CharField("state", max_length=60, blank=True, help_text="e.g. GA")
    postal_code = models.CharField("ZIP code", max_length=20, blank=True, help_text="e.g. 30301")
    opening_hours = StreamField(
        [("hours", OpeningHoursBlock())],
        blank=True,
        help_text="One line per open day. Days not listed are shown as closed.",
    )
    service_area = models.CharField(
        max_length=255,
        blank=True,
        help_text="Where you install, e.g. 'Atlanta and the surrounding counties'.",
    )
    service_zip_codes = models.TextField(
        "ZIP codes you serve",
        blank=True,
        help_text="ZIP codes or their first digits, separated by commas or spaces, e.g. '300, "
        "301, 30518'. A request from elsewhere is still taken and marked 'outside the area'. "
        "Leave empty to take every ZIP code.",
    )
    social_links = StreamField(
        [("link", SocialLinkBlock())],
        blank=True,
        help_text="Your pages on Facebook, Houzz and so on, linked from the footer.",
    )
    logo = models.ForeignKey(
        "images.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown in the header. Leave empty to show the business name in text.",
    )
    estimate_cta = models.CharField(
        "estimate call to action",
        max_length=120,
        default="Call for your estimate today!",
        help_text="The short line next to the phone number and estimate buttons.",
    )

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("business_name"),
                    FieldPanel("phone"),
                    FieldPanel("email"),
                    MultiFieldPanel(
                        [
                            FieldPanel("street_address"),
                            FieldPanel("city"),
                            FieldPanel("region"),
                            FieldPanel("postal_code"),
                        ],
                        heading="Address",
                    ),
                    FieldPanel("service_area"),
                    FieldPanel("service_zip_codes"),
                ],
                heading="Contact details",
            ),
            ObjectList(
                [FieldPanel("tagline"), FieldPanel("logo"), FieldPanel("estimate_cta")],
                heading="Logo and wording",
            ),
            ObjectList([FieldPanel("opening_hours")], heading="Opening hours"),
            ObjectList([FieldPanel("social_links")], heading="Social media"),
        ]
    )

    class Meta:
        verbose_name = "business settings"

    @property
    def zip_codes_served(self):
        """The ZIP codes or first digits listed, e.g. ["300", "30518"]."""
        return self.service_zip_codes.replace(",", " ").split()

    def serves(self, zip_code):
        """Whether a ZIP code is in the service area: every code when none are listed."""
        listed = self.zip_codes_served
        return not listed or any(zip_code.startswith(code) for code in listed)

    def __str__(self):
        return self.business_name

    def clean(self):
        super().clean()
        if self.phone and len(phone_digits(self.phone)) != 10:
            raise ValidationError(
                {"phone": "Enter a ten-digit US phone number, e.g. 678.372.5976."}
            )
        if bad := [code for code in self.zip_codes_served if not re.fullmatch("[0-9]{1,5}", code)]:
            raise ValidationError(
                {
                    "service_zip_codes": f"“{bad[0][:20]}” is not a ZIP code or its first digits. "
                    "Use digits only, e.g. 300 or 30518."
                }
            )

    @property
    def phone_display(self):
        digits = phone_digits(self.phone)
        if len(digits) != 10:
            return self.phone
        return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"

    @property
    def phone_href(self):
        digits = phone_digits(self.phone)
        return f"tel:+1{digits}" if len(digits) == 10 else ""

    @property
    def address_lines(self):
        locality = " ".join(part for part in [self.region, self.postal_code] if part)
        last = ", ".join(part for part in [self.city, locality] if part)
        return [line for line in [self.street_address, last] if line]

    @property
    def hours(self):
        """Opening hours in week order, each day once; days without hours are closed."""
        by_day = {block.value["day"]: block.value for block in self.opening_hours}
        return [
            {"label": label, "opens": by_day[day]["opens"], "closes": by_day[day]["closes"]}
            if day in by_day
            else {"label": label, "opens": None, "closes": None}
            for day, label in DAYS
        ]

    def structured_data(self, request, photo_url=""):
        """The business as schema.org describes it, on every page; `photo_url` is the share
        image's wide rendition."""
        base = seo.root_url(request)
        logo = (
            seo.image_url(request, self.logo, "logo")
            if self.logo
            else seo.absolute(request, static("img/logo.png"))
        )
        data = {
            "@context": "https://schema.org",
            "@type": "HomeAndConstructionBusiness",
            "@id": seo.business_id(request),
            "name": self.business_name,
            "url": f"{base}/",
            "telephone": self.phone_href.removeprefix("tel:") or self.phone,
            "email": self.email or None,
            "areaServed": self.service_area or None,
            "sameAs": [link.value["url"] for link in self.social_links] or None,
            "logo": logo,
            "image": photo_url or logo,
            "openingHoursSpecification": [
                {
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": f"https://schema.org/{day['label']}",
                    "opens": day["opens"].strftime("%H:%M"),
                    "closes": day["closes"].strftime("%H:%M"),
                }
                for day in self.hours
                if day["opens"]
            ]
            or None,
        }
        if self.street_address or self.city:
            data["address"] = {
                "@type": "PostalAddress",
                "streetAddress": self.street_address,
                "addressLocality": self.city,
                "addressRegion": self.region,
                "postalCode": self.postal_code,
                "addressCountry": "US",
            }
        return seo.compact(data)


ROBOTS_RULE = re.compile(r"^\s*($|#|(allow|disallow)\s*:\s*(?P<path>/\S*)?\s*$)", re.IGNORECASE)


@register_setting(icon="search")
class SearchEngineSettings(CachedSiteSetting):
    """What search engines and social sites are told; read only when a page needs it."""

    select_related = ["share_image"]

    share_image = models.ForeignKey(
        "images.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=(
            "Shown when a page without its own photo is shared on Facebook, in texts and "
            "so on. A wide photo of your work looks best."
        ),
    )
    robots_txt_extra = models.TextField(
        "extra robots.txt rules",
        blank=True,
        help_text=(
            "Rarely needed. Lines added to /robots.txt for all search engines, e.g. "
            "'Disallow: /old-price-list/'. The admin is always kept out and the sitemap "
            "always listed."
        ),
    )

    panels = [FieldPanel("share_image"), FieldPanel("robots_txt_extra")]

    class Meta:
        verbose_name = "search engines and sharing"

    def clean(self):
        super().clean()
        if bad := [line for line in self.robots_txt_extra.splitlines() if not robots_rule(line)]:
            raise ValidationError(
                {
                    "robots_txt_extra": (
                        f"“{bad[0].strip()[:60]}” cannot be used here. Each line looks like "
                        "'Disallow: /some-page/' or 'Allow: /some-page/', or starts with #. "
                        "The admin cannot be opened to search engines."
                    )
                }
            )

    @property
    def robots_rules(self):
        """The editor's lines that are safe to add to robots.txt (see `robots_rule`)."""
        lines = [line.strip() for line in self.robots_txt_extra.splitlines() if line.strip()]
        return [line for line in lines if robots_rule(line)]


def robots_rule(line):
    """Blank, a comment, or Allow/Disallow of a path outside the admin.

    Other lines are refused: a `User-agent:` line would start a group that ignores the admin
    rule, and the sitemap line is written already.
    """
    match = ROBOTS_RULE.match(line)
    if not match:
        return False
    path = match.group("path") or ""
    return not path.startswith("/admin")

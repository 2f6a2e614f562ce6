"""Stories on the open web (issue 15): written by planners and contributors, published by planners,
their images checked by content, stripped of metadata and served in a few widths; their text never
runs as HTML."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from styrkort.errors import NotAllowed
from styrkort.org.enums import Role
from styrkort.org.models import Unit
from styrkort.plans.models import Plan
from styrkort.portal import images
from styrkort.portal.models import Story, StoryImage
from styrkort.portal.services import story_image_add, story_publish, story_save

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]


def png(width=800, height=500, colour=(30, 120, 90), **save) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, save.pop("format", "PNG"), **save)
    return out.getvalue()


def upload(data: bytes, name="bild.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


@pytest.fixture
def draft(planner):
    return story_save(
        user=planner,
        plan=Plan.objects.get(code="RUF-2023"),
        title="En ny mötesplats",
        body="Första stycket.\n\nAndra stycket.",
        unit=Unit.objects.get(code="FH"),
    )


@pytest.fixture
def contributor(make_user, demo):
    return make_user("kommunen", role=Role.CONTRIBUTOR, unit=Unit.objects.get(code="FH"))


def test_the_demo_rus_has_its_stories_published_with_images_and_alt_text(client, full_demo):
    stories = Story.objects.filter(plan__code="PRG-RUS", published_at__isnull=False)
    story = stories.filter(images__isnull=False, areas__code="RUS-MO2").first()
    image = story.images.first()

    html = client.get(reverse("portal:story", args=["PRG-RUS", story.slug])).content.decode()
    served = client.get(reverse("portal:story_image", args=[image.pk, 960]))

    assert 4 <= stories.count() <= 6
    assert all(image.alt for image in StoryImage.objects.filter(story__in=stories))
    assert f'alt="{image.alt}"' in html
    assert " 480w, " in html
    assert " 1600w" in html
    assert story.title in html
    assert "csrfmiddlewaretoken" not in html
    assert served.status_code == 200
    assert served["Content-Type"] == "image/webp"
    assert "public" in served["Cache-Control"]
    # read to its end, so the test client closes the file (closing it by hand would end the
    # database connection as a finished request does)
    assert Image.open(io.BytesIO(b"".join(served.streaming_content))).size[0] == 960
    area_page = client.get(reverse("portal:goal_area", args=["PRG-RUS", "RUS-MO2"])).content.decode()
    assert story.title in area_page
    feed = client.get(reverse("portal:feed", args=["PRG-RUS"]))
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert story.title in feed.content.decode()
    assert "Årsredovisning 2023" in feed.content.decode()


def test_an_image_loses_its_metadata_and_is_served_in_widths_up_to_its_own(draft, planner):
    exif = Image.Exif()
    exif[0x010F] = "Kameramärke"  # Make
    gps = exif.get_ifd(0x8825)  # GPSInfo: where it was taken
    gps[1], gps[2] = "N", (59.0, 36.0, 0.0)
    photo = png(1200, 800, format="JPEG", exif=exif.tobytes())
    assert Image.open(io.BytesIO(photo)).getexif()  # the upload carries it

    image = story_image_add(user=planner, story=draft, upload=upload(photo, "foto.jpg"), alt="Ett torg")

    assert [v["width"] for v in image.variants] == [480, 960, 1200]
    from django.core.files.storage import default_storage

    for variant in image.variants:
        with default_storage.open(variant["name"]) as handle:
            served = Image.open(handle)
            assert served.format == "WEBP"
            assert not served.getexif()
            assert "exif" not in served.info
            assert "xmp" not in served.info


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Inte en bild alls", "Filen är inte en bild"),
        (
            b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "SVG",
        ),
        (png(12_000, 12_000, colour=(0, 0, 0)), "för många bildpunkter"),
        (png(150, 100), "för liten"),
        (png(800, 500)[:200], "Filen är inte en bild"),  # cut off
    ],
    ids=["text", "svg", "decompression-bomb", "too-small", "truncated"],
)
def test_an_upload_that_is_not_an_image_we_take_is_refused_in_swedish_and_nothing_is_written(
    draft, planner, data, message
):
    with pytest.raises(ValidationError) as refused:
        story_image_add(user=planner, story=draft, upload=upload(data), alt="Något")

    assert message in " ".join(refused.value.messages)
    assert not StoryImage.objects.filter(story=draft).exists()


def test_a_too_large_file_is_refused_before_it_is_read(draft, planner):
    too_large = upload(b"\0" * (images.MAX_UPLOAD_BYTES + 1024 * 1024))

    with pytest.raises(ValidationError) as refused:
        story_image_add(user=planner, story=draft, upload=too_large, alt="Något")

    assert refused.value.messages == ["Bilden är 11,0\u00a0MB; högst 10,0\u00a0MB tas emot."]


def test_an_image_needs_its_alternative_text(draft, planner):
    with pytest.raises(ValidationError, match="alternativtexten"):
        story_image_add(user=planner, story=draft, upload=upload(png()), alt="  ")


def test_a_story_shows_script_and_javascript_links_as_text_never_as_html(client, draft, planner):
    Plan.objects.filter(code="RUF-2023").update(is_public=True)
    story_save(
        user=planner,
        story=draft,
        plan=draft.plan,
        title=draft.title,
        unit=draft.unit,
        body=(
            '<script>alert("x")</script> [klicka](javascript:alert(1)) <img src=x onerror=alert(1)>'
            "\n\n- **fet**"
        ),
    )
    story_publish(user=planner, story=draft)

    html = client.get(reverse("portal:story", args=["RUF-2023", draft.slug])).content.decode()

    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert" in html
    assert 'href="javascript' not in html
    assert "<li><strong>fet</strong></li>" in html


def test_a_draft_and_its_images_are_not_public(client, draft, planner):
    image = story_image_add(user=planner, story=draft, upload=upload(png()), alt="Ett utkast")

    assert client.get(reverse("portal:story", args=["RUF-2023", draft.slug])).status_code == 404
    assert client.get(reverse("portal:story_image", args=[image.pk, 480])).status_code == 404
    client.force_login(planner)
    preview = client.get(reverse("portal:story_image", args=[image.pk, 480]))
    assert b"".join(preview.streaming_content)[:4] == b"RIFF"  # WebP; read through, the file is closed
    assert preview.status_code == 200
    assert "no-store" in preview["Cache-Control"]


def test_a_contributor_writes_for_their_own_unit_only_and_cannot_publish(contributor, planner):
    plan = Plan.objects.get(code="RUF-2023")
    own = story_save(
        user=contributor, plan=plan, title="Vår berättelse", body="Text.", unit=Unit.objects.get(code="FH")
    )

    with pytest.raises(NotAllowed):
        story_save(user=contributor, plan=plan, title="Deras", body="Text.", unit=Unit.objects.get(code="VF"))
    with pytest.raises(NotAllowed):
        story_publish(user=contributor, story=own)
    story_publish(user=planner, story=own)
    with pytest.raises(NotAllowed, match="publicerad"):
        story_save(user=contributor, story=own, plan=plan, title="Ändrad", body="Text.", unit=own.unit)
    assert Story.objects.get(pk=own.pk).title == "Vår berättelse"


def test_the_story_pages_write_and_publish_through_the_services(client, planner):
    client.force_login(planner)
    created = client.post(
        reverse("portal:story_create"),
        {
            "plan": Plan.objects.get(code="PRG-RUS").pk,
            "title": "Cykelvägar i hela länet",
            "body": "Ett stycke.",
            "unit": Unit.objects.get(code="SU").pk,
            "actions": "RUF-2023/rf8",
            "areas": [Plan.objects.get(code="PRG-RUS").goal_areas.get(code="RUS-MO2").pk],
        },
    )
    assert created.status_code == 302, created.content.decode()
    story = Story.objects.get(title="Cykelvägar i hela länet")
    bad = client.post(
        reverse("portal:story_image_add", args=[story.pk]), {"alt": "Bild", "image": upload(b"nej")}
    )
    client.post(reverse("portal:story_publication", args=[story.pk]), {"publish": "1"})

    assert created.status_code == 302
    assert [a.code for a in story.actions.all()] == ["RF8"]
    assert story.slug == "cykelvagar-i-hela-lanet"
    assert bad.status_code == 400
    assert "Filen är inte en bild" in bad.content.decode()
    assert Story.objects.get(pk=story.pk).is_published


def test_a_wrong_activity_reference_is_named_and_nothing_is_saved(client, planner):
    client.force_login(planner)
    response = client.post(
        reverse("portal:story_create"),
        {
            "plan": Plan.objects.get(code="PRG-RUS").pk,
            "title": "X",
            "body": "Y",
            "unit": Unit.objects.get(code="SU").pk,
            "actions": "RUF-2023/RF999",
        },
    )

    assert response.status_code == 400
    assert "RUF-2023/RF999" in response.content.decode()
    assert not Story.objects.filter(title="X").exists()

// src/picture: every exercise's picture, and every modification's own picture, is a
// self-contained, accessible SVG with no script and one small stylesheet that only repaints it for
// a dark colour scheme; a paced movement animates and a hold stands still; animations loop cleanly;
// the same item always gives the same bytes; a modification with a variant is drawn as it.

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "picture/svg.hpp"
#include "support/knowledge.hpp"

namespace unload::picture {
namespace {

using test::knowledge_base;

std::size_t count(std::string_view text, std::string_view needle) {
    std::size_t n = 0;
    for (auto at = text.find(needle); at != std::string_view::npos;
         at = text.find(needle, at + needle.size()))
        ++n;
    return n;
}

std::string lower(std::string text) {
    for (auto& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

/// Whether any element has an `on...=` attribute (an event handler, which is script).
bool has_event_handler(std::string_view svg) {
    for (auto at = svg.find(" on"); at != std::string_view::npos; at = svg.find(" on", at + 1)) {
        auto end = at + 3;
        while (end < svg.size() && std::isalpha(static_cast<unsigned char>(svg[end])))
            ++end;
        if (end > at + 3 && end < svg.size() && svg[end] == '=')
            return true;
    }
    return false;
}

/// The value of attribute `name` in the element that starts at `at`.
std::string attribute(std::string_view svg, std::size_t at, std::string_view name) {
    const auto end = svg.find('>', at);
    const auto element = svg.substr(at, end - at);
    const auto key = " " + std::string(name) + "=\"";
    const auto start = element.find(key);
    if (start == std::string_view::npos)
        return {};
    const auto from = start + key.size();
    return std::string(element.substr(from, element.find('"', from) - from));
}

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> out;
    std::size_t from = 0;
    while (true) {
        const auto at = text.find(separator, from);
        out.push_back(text.substr(from, at - from));
        if (at == std::string::npos)
            return out;
        from = at + 1;
    }
}

double number(std::string_view text) {
    double value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

/// Every `<animateTransform .../>` element's start.
std::vector<std::size_t> animations(std::string_view svg) {
    std::vector<std::size_t> out;
    for (auto at = svg.find("<animateTransform"); at != std::string_view::npos;
         at = svg.find("<animateTransform", at + 1))
        out.push_back(at);
    return out;
}

const core::Item& item(std::string_view id) {
    const auto& kb = knowledge_base();
    const auto found = kb.find_item(id);
    EXPECT_TRUE(found) << id;
    return kb.item(found.value_or(0));
}

/// The text of the document's one `<style>` element; empty when it has none.
std::string style_of(std::string_view svg) {
    const auto open = svg.find("<style>");
    const auto close = svg.find("</style>");
    if (open == std::string_view::npos || close == std::string_view::npos || close < open)
        return {};
    return std::string(svg.substr(open + 7, close - open - 7));
}

/// Every distinct `class="..."` value in the document.
std::vector<std::string> classes_of(std::string_view svg) {
    std::vector<std::string> out;
    constexpr std::string_view key = " class=\"";
    for (auto at = svg.find(key); at != std::string_view::npos; at = svg.find(key, at + 1)) {
        const auto from = at + key.size();
        std::string name(svg.substr(from, svg.find('"', from) - from));
        if (std::ranges::find(out, name) == out.end())
            out.push_back(std::move(name));
    }
    return out;
}

void expect_self_contained(const core::Item& exercise, const core::Picture& picture,
                           const std::string& text) {
    EXPECT_TRUE(text.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\""));
    EXPECT_TRUE(text.ends_with("</svg>\n"));
    EXPECT_NE(text.find(" role=\"img\""), std::string::npos);
    EXPECT_NE(
        text.find("<title id=\"picture-title-" + exercise.id + "\">" + exercise.name + "</title>"),
        std::string::npos);
    EXPECT_NE(text.find("aria-labelledby=\"picture-title-" + exercise.id + "\""),
              std::string::npos);
    ASSERT_FALSE(picture.description.empty());
    EXPECT_NE(text.find(">" + picture.description + "</desc>"), std::string::npos);
    // An image runs no script and loads nothing. Its one stylesheet only repaints it for a dark
    // colour scheme: no style attributes, and the colours themselves are attributes, so the
    // picture is whole where styles are refused.
    const auto folded = lower(text);
    EXPECT_EQ(count(folded, "<style"), 1U);
    EXPECT_EQ(count(folded, "style="), 0U);
    const auto style = style_of(text);
    EXPECT_TRUE(style.starts_with("@media (prefers-color-scheme: dark){")) << style;
    EXPECT_TRUE(style.ends_with("}"));
    EXPECT_EQ(style.find('<'), std::string::npos);
    EXPECT_EQ(lower(style).find("url("), std::string::npos);
    EXPECT_EQ(lower(style).find("@import"), std::string::npos);
    EXPECT_EQ(folded.find("script"), std::string::npos);
    EXPECT_EQ(folded.find("href"), std::string::npos);
    EXPECT_FALSE(has_event_handler(folded));
    EXPECT_EQ(count(text, "<g"), count(text, "</g>"));
    // The figure is drawn: a head and at least the trunk and the limbs.
    EXPECT_GE(count(text, "<circle"), 2U);
    EXPECT_GE(count(text, "<line"), 10U);
}

/// Every shipped drawing, named `ID` or `ID?modification=MOD`: each item's own picture and each
/// of its modifications' own.
std::vector<std::pair<std::string, std::string>> every_drawing() {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& exercise : knowledge_base().items) {
        out.emplace_back(exercise.id, svg(exercise));
        for (const auto& modification : exercise.modifications) {
            if (!modification.picture.poses.empty())
                out.emplace_back(exercise.id + "?modification=" + modification.id,
                                 svg(exercise, modification.id));
        }
    }
    return out;
}

TEST(PictureSvg, EveryExerciseHasAnAccessibleSelfContainedPicture) {
    const auto& kb = knowledge_base();
    ASSERT_FALSE(kb.items.empty());
    std::size_t variants = 0;
    for (const auto& exercise : kb.items) {
        SCOPED_TRACE(exercise.id);
        ASSERT_FALSE(exercise.picture.poses.empty());
        expect_self_contained(exercise, exercise.picture, svg(exercise));
        for (const auto& modification : exercise.modifications) {
            if (modification.picture.poses.empty())
                continue;
            SCOPED_TRACE(modification.id);
            ++variants;
            expect_self_contained(exercise, modification.picture, svg(exercise, modification.id));
        }
    }
    EXPECT_GE(variants, 4U);
}

TEST(PictureSvg, EveryColourClassIsRepaintedForADarkColourScheme) {
    for (const auto& exercise : knowledge_base().items) {
        SCOPED_TRACE(exercise.id);
        const auto text = svg(exercise);
        const auto style = style_of(text);
        const auto classes = classes_of(text);
        // At least the card, the figure's outline and its near side.
        for (const auto* name : {"card", "cs", "ns", "nf"})
            EXPECT_NE(std::ranges::find(classes, name), classes.end()) << name;
        for (const auto& name : classes)
            EXPECT_NE(style.find("." + name + "{"), std::string::npos) << name;
        // The light colours stay attributes: the card is light without the stylesheet.
        EXPECT_NE(text.find("class=\"card\" fill=\"#f4f1ea\""), std::string::npos);
    }
}

TEST(PictureSvg, AModificationWithItsOwnPictureIsDrawnAsIt) {
    const auto& ninety = item("ninety_ninety");
    const auto side =
        std::ranges::find(ninety.modifications, "side_lying_instead", &core::Modification::id);
    ASSERT_NE(side, ninety.modifications.end());
    ASSERT_FALSE(side->picture.poses.empty());
    EXPECT_EQ(&picture_of(ninety, "side_lying_instead"), &side->picture);
    const auto lying = svg(ninety, "side_lying_instead");
    EXPECT_NE(lying, svg(ninety));
    EXPECT_NE(lying.find(">" + side->picture.description + "</desc>"), std::string::npos);
    EXPECT_EQ(lying.find(">" + ninety.picture.description + "</desc>"), std::string::npos);
    // Seen from above, on a mat: no floor line.
    EXPECT_EQ(lying.find("class=\"floor\""), std::string::npos);
    EXPECT_NE(svg(ninety).find("class=\"floor\""), std::string::npos);

    // A modification that does not show, and one the exercise does not have, draw its own
    // picture.
    const auto& breathing = item("core_breathing");
    EXPECT_EQ(&picture_of(breathing, "breathing_only"), &breathing.picture);
    EXPECT_EQ(svg(breathing, "breathing_only"), svg(breathing));
    EXPECT_EQ(svg(breathing, "no_such_change"), svg(breathing));
    EXPECT_EQ(svg(breathing, ""), svg(breathing));
    EXPECT_NE(svg(breathing, "side_lying_instead"), svg(breathing));

    // The same variant of the same item gives the same bytes.
    const auto copy = ninety;
    EXPECT_EQ(svg(copy, "side_lying_instead"), lying);
}

TEST(PictureSvg, AVariantOfAPacedExerciseAnimatesAndOfAHoldStandsStill) {
    EXPECT_FALSE(animations(svg(item("core_breathing"), "side_lying_instead")).empty());
    EXPECT_FALSE(animations(svg(item("knee_to_chest"), "single_knee_only")).empty());
    EXPECT_TRUE(animations(svg(item("ninety_ninety"), "side_lying_instead")).empty());
    EXPECT_TRUE(animations(svg(item("childs_pose"), "pillow_under_hips")).empty());
}

TEST(PictureSvg, TheSameItemGivesTheSameBytes) {
    for (const auto& exercise : knowledge_base().items) {
        const auto copy = exercise;
        EXPECT_EQ(svg(exercise), svg(copy)) << exercise.id;
    }
}

TEST(PictureSvg, PacedMovementsAnimateAndHoldsStandStill) {
    for (const auto& exercise : knowledge_base().items) {
        SCOPED_TRACE(exercise.id);
        const auto text = svg(exercise);
        const bool animates = !animations(text).empty();
        EXPECT_EQ(animates, exercise.picture.moves());
        if (exercise.dose && exercise.dose->rep_s > 0) {
            EXPECT_TRUE(animates);
        }
        if (exercise.dose && exercise.dose->rep_s == 0 && exercise.dose->hold_s.high > 0) {
            EXPECT_FALSE(animates);
        }
    }
    for (const auto* id : {"cat_cow", "glute_bridge", "bird_dog", "dead_bug", "sit_to_stand"})
        EXPECT_FALSE(animations(svg(item(id))).empty()) << id;
    for (const auto* id : {"childs_pose", "ninety_ninety", "prone_over_pillows", "plank"})
        EXPECT_TRUE(animations(svg(item(id))).empty()) << id;
}

TEST(PictureSvg, EveryAnimationLoopsThroughItsKeyTimesWithoutTurningTheLongWay) {
    for (const auto& [name, text] : every_drawing()) {
        for (const auto at : animations(text)) {
            SCOPED_TRACE(name + ": " + text.substr(at, text.find('>', at) - at));
            const auto values = split(attribute(text, at, "values"), ';');
            const auto times = split(attribute(text, at, "keyTimes"), ';');
            const auto splines = split(attribute(text, at, "keySplines"), ';');
            ASSERT_GE(values.size(), 3U);
            ASSERT_EQ(times.size(), values.size());
            EXPECT_EQ(splines.size(), values.size() - 1);
            EXPECT_EQ(times.front(), "0");
            EXPECT_EQ(times.back(), "1");
            for (std::size_t i = 1; i < times.size(); ++i)
                EXPECT_LE(number(times[i - 1]), number(times[i]));
            EXPECT_EQ(attribute(text, at, "repeatCount"), "indefinite");
            EXPECT_EQ(attribute(text, at, "calcMode"), "spline");
            EXPECT_GT(number(attribute(text, at, "dur")), 0);
            const auto type = attribute(text, at, "type");
            ASSERT_TRUE(type == "rotate" || type == "translate") << type;
            if (type != "rotate")
                continue;
            // A loop returns to where it started, give or take whole turns (a shoulder roll).
            const double turns = (number(values.back()) - number(values.front())) / 360;
            EXPECT_NEAR(turns, std::round(turns), 1e-9);
            for (std::size_t i = 1; i < values.size(); ++i)
                EXPECT_LE(std::abs(number(values[i]) - number(values[i - 1])), 180.0);
        }
    }
}

TEST(PictureSvg, TheViewBoxHasTheCardsShape) {
    for (const auto& [name, text] : every_drawing()) {
        const auto box = split(attribute(text, 0, "viewBox"), ' ');
        ASSERT_EQ(box.size(), 4U) << name;
        EXPECT_NEAR(number(box[2]) / number(box[3]), 4.0 / 3.0, 0.01) << name;
        EXPECT_EQ(attribute(text, 0, "width"), "320");
        EXPECT_EQ(attribute(text, 0, "height"), "240");
    }
}

TEST(PictureSvg, TextIsEscaped) {
    auto exercise = item("cat_cow");
    exercise.name = "Cat & cow <slowly>";
    exercise.picture.description = "Say \"moo\"";
    const auto text = svg(exercise);
    EXPECT_NE(text.find(">Cat &amp; cow &lt;slowly&gt;</title>"), std::string::npos);
    EXPECT_NE(text.find(">Say &quot;moo&quot;</desc>"), std::string::npos);
    EXPECT_EQ(text.find("<slowly>"), std::string::npos);
}

TEST(PictureSvg, AnItemWithoutAPictureIsAnEmptyCardWithItsTitle) {
    core::Item exercise;
    exercise.id = "mystery";
    exercise.name = "Mystery";
    exercise.modifications.push_back(core::Modification{.id = "gently", .text = "Gently."});
    EXPECT_EQ(svg(exercise, "gently"), svg(exercise));
    const auto text = svg(exercise);
    EXPECT_NE(text.find("<title id=\"picture-title-mystery\">Mystery</title>"), std::string::npos);
    EXPECT_EQ(text.find("<line"), std::string::npos);
    EXPECT_TRUE(animations(text).empty());
}

/// Two poses that differ only in how far the near leg swings forward, as a whole.
core::Item swinging_leg() {
    core::KeyPose pose;
    pose.pelvis = {0, 88};
    for (const auto bone : {core::Bone::Pelvis, core::Bone::Trunk, core::Bone::UpperTrunk,
                            core::Bone::Neck, core::Bone::NearHip, core::Bone::FarHip})
        pose.set(bone, 90);
    for (const auto bone :
         {core::Bone::NearShoulder, core::Bone::FarShoulder, core::Bone::NearUpperArm,
          core::Bone::FarUpperArm, core::Bone::NearForearm, core::Bone::FarForearm,
          core::Bone::NearShin, core::Bone::FarShin})
        pose.set(bone, -90);
    pose.set(core::Bone::NearThigh, -80);
    pose.set(core::Bone::FarThigh, -80);
    pose.move_s = 1;
    auto forward = pose;
    for (const auto bone : {core::Bone::NearThigh, core::Bone::NearShin, core::Bone::NearFoot})
        forward.set(bone, pose.angle(bone) + 30);
    core::Item exercise;
    exercise.id = "swing";
    exercise.name = "Swing";
    exercise.picture.poses = {pose, forward};
    return exercise;
}

TEST(PictureSvg, OnlyTheJointsThatMoveAreAnimated) {
    const auto text = svg(swinging_leg());
    const auto found = animations(text);
    // The leg turns at the hip as one piece: one rotation, nothing at the knee or ankle, and the
    // pelvis stays where it is.
    ASSERT_EQ(found.size(), 1U) << text;
    EXPECT_EQ(attribute(text, found[0], "type"), "rotate");
    EXPECT_EQ(attribute(text, found[0], "values"), "-170;-140;-170");
    EXPECT_EQ(attribute(text, found[0], "keyTimes"), "0;0.5;1");
    EXPECT_EQ(attribute(text, found[0], "dur"), "2s");
}

TEST(PictureSvg, AStillPictureOfTheSameFigureHasNoAnimation) {
    auto exercise = swinging_leg();
    exercise.picture.poses.resize(1);
    exercise.picture.poses[0].move_s = 0;
    EXPECT_TRUE(animations(svg(exercise)).empty());
}

} // namespace
} // namespace unload::picture

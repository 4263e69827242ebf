// src/picture: every exercise's picture is a self-contained, accessible SVG with no style or
// script; a paced movement animates and a hold stands still; animations loop cleanly; the same item
// always gives the same bytes.

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <string>
#include <string_view>
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

TEST(PictureSvg, EveryExerciseHasAnAccessibleSelfContainedPicture) {
    const auto& kb = knowledge_base();
    ASSERT_FALSE(kb.items.empty());
    for (const auto& exercise : kb.items) {
        SCOPED_TRACE(exercise.id);
        ASSERT_FALSE(exercise.picture.poses.empty());
        const auto text = svg(exercise);
        EXPECT_TRUE(text.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\""));
        EXPECT_TRUE(text.ends_with("</svg>\n"));
        EXPECT_NE(text.find(" role=\"img\""), std::string::npos);
        EXPECT_NE(text.find("<title id=\"picture-title-" + exercise.id + "\">" + exercise.name +
                            "</title>"),
                  std::string::npos);
        EXPECT_NE(text.find("aria-labelledby=\"picture-title-" + exercise.id + "\""),
                  std::string::npos);
        ASSERT_FALSE(exercise.picture.description.empty());
        EXPECT_NE(text.find(">" + exercise.picture.description + "</desc>"), std::string::npos);
        // The server's Content-Security-Policy allows no inline style, and an image runs no script.
        const auto folded = lower(text);
        EXPECT_EQ(folded.find("style"), std::string::npos);
        EXPECT_EQ(folded.find("script"), std::string::npos);
        EXPECT_EQ(folded.find("href"), std::string::npos);
        EXPECT_FALSE(has_event_handler(folded));
        EXPECT_EQ(count(text, "<g"), count(text, "</g>"));
        // The figure is drawn: a head and at least the trunk and the limbs.
        EXPECT_GE(count(text, "<circle"), 2U);
        EXPECT_GE(count(text, "<line"), 10U);
    }
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
    for (const auto& exercise : knowledge_base().items) {
        const auto text = svg(exercise);
        for (const auto at : animations(text)) {
            SCOPED_TRACE(exercise.id + ": " + text.substr(at, text.find('>', at) - at));
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
    for (const auto& exercise : knowledge_base().items) {
        const auto text = svg(exercise);
        const auto box = split(attribute(text, 0, "viewBox"), ' ');
        ASSERT_EQ(box.size(), 4U) << exercise.id;
        EXPECT_NEAR(number(box[2]) / number(box[3]), 4.0 / 3.0, 0.01) << exercise.id;
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

// Pose files (content/poses/ID.toml): the shipped pictures load with the defaults the format
// promises, and a copy of content broken in one place reports that problem with file and line.

#include <algorithm>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "content/loader.hpp"
#include "support/content_files.hpp"
#include "support/knowledge.hpp"

namespace unload::content {
namespace {

namespace fs = std::filesystem;

using core::Bone;
using test::ContentCopy;
using test::describe;
using test::read_text;
using test::write_text;

struct PoseCase {
    std::string name;
    std::string file;      ///< Relative to the content directory, as errors name it.
    std::string find;      ///< Unique text in the shipped file; empty to append.
    std::string replace;   ///< What replaces `find`, or the text appended.
    std::string line_text; ///< Unique text starting the line the error names; empty: line 0.
    std::string message_has;
    std::string field = {}; ///< When set, the error's field.
};

void check_case(const PoseCase& c) {
    ContentCopy copy;
    ASSERT_TRUE(copy.ok());
    const auto broken = copy.edit(c.file, c.find, c.replace);
    ASSERT_TRUE(broken);
    const int line = c.line_text.empty() ? 0 : test::unique_line_of(*broken, c.line_text);
    ASSERT_TRUE(c.line_text.empty() || line > 0) << "no unique line: " << c.line_text;

    const auto kb = load(copy.dir());
    ASSERT_FALSE(kb.has_value());
    const auto& errors = kb.error();
    const auto match = std::ranges::find_if(errors, [&](const core::Error& error) {
        return error.file == c.file && error.line == line &&
               error.message.find(c.message_has) != std::string::npos &&
               (c.field.empty() || error.field == c.field);
    });
    ASSERT_NE(match, errors.end()) << "expected " << c.file << ":" << line << " " << c.field
                                   << " with '" << c.message_has << "', got:\n"
                                   << describe(errors);
    EXPECT_EQ(match->code, core::ErrorCode::InvalidContent);
}

TEST(PoseFiles, ReportEachErrorWithFileAndLine) {
    const std::vector<PoseCase> cases = {
        {.name = "angle out of range",
         .file = "poses/cat_cow.toml",
         .find = "trunk = -6\n",
         .replace = "trunk = 400\n",
         .line_text = "trunk = 400",
         .message_has = "expected -180..180, got 400",
         .field = "pose[0].trunk"},
        {.name = "limb angle out of range",
         .file = "poses/plank.toml",
         .find = "thigh = -160\n",
         .replace = "thigh = -181.5\n",
         .line_text = "thigh = -181.5",
         .message_has = "expected -180..180, got -181.5",
         .field = "pose[0].near.thigh"},
        {.name = "unknown key in a limb table",
         .file = "poses/plank.toml",
         .find = "forearm = 0\n",
         .replace = "forearm = 0\nelbow = 90\n",
         .line_text = "elbow = 90",
         .message_has = "unknown key",
         .field = "pose[0].near.elbow"},
        {.name = "unknown key at the top",
         .file = "poses/plank.toml",
         .find = "description = ",
         .replace = "colour = \"red\"\ndescription = ",
         .line_text = "colour = \"red\"",
         .message_has = "unknown key"},
        {.name = "a missing angle",
         .file = "poses/plank.toml",
         .find = "neck = 14\n",
         .replace = "",
         .line_text = "[[pose]]",
         .message_has = "missing; expected an angle",
         .field = "pose[0].neck"},
        {.name = "a paced movement with one key pose",
         .file = "poses/cat_cow.toml",
         .find = "[[pose]]\nname = \"cat\"\n",
         .replace = "[cat]\nname = \"cat\"\n",
         .line_text = "[[pose]]",
         .message_has = "needs at least 2 key poses"},
        {.name = "a hold with two key poses",
         .file = "poses/plank.toml",
         .find = "",
         .replace = "\n[[pose]]\nname = \"again\"\nlike = \"holding the line\"\n",
         .line_text = "[[pose]]\nname = \"holding",
         .message_has = "is a hold, so its picture is one still pose"},
        {.name = "timing on a still picture",
         .file = "poses/plank.toml",
         .find = "trunk = 20\n",
         .replace = "trunk = 20\nhold_s = 3\n",
         .line_text = "hold_s = 3",
         .message_has = "one pose stays still"},
        {.name = "a movement without its timing",
         .file = "poses/cat_cow.toml",
         .find = "name = \"cat\"\nlike = \"cow\"\nmove_s = 3.4\n",
         .replace = "name = \"cat\"\nlike = \"cow\"\n",
         .line_text = "[[pose]]\nname = \"cat\"",
         .message_has = "missing; expected the seconds",
         .field = "pose[1].move_s"},
        {.name = "like names no earlier pose",
         .file = "poses/cat_cow.toml",
         .find = "like = \"cow\"\n",
         .replace = "like = \"dog\"\n",
         .line_text = "like = \"dog\"",
         .message_has = "no earlier pose named 'dog'"},
        {.name = "a duplicate pose name",
         .file = "poses/cat_cow.toml",
         .find = "name = \"cat\"\n",
         .replace = "name = \"cow\"\n",
         .line_text = "name = \"cow\"\nlike",
         .message_has = "duplicate pose name 'cow'"},
        {.name = "a figure below the floor",
         .file = "poses/sit_to_stand.toml",
         .find = "y = 51.5\n",
         .replace = "y = 30\n",
         .line_text = "y = 30",
         .message_has = "below the floor"},
        {.name = "an unknown view",
         .file = "poses/side_bends.toml",
         .find = "view = \"front\"\n",
         .replace = "view = \"top\"\n",
         .line_text = "view = \"top\"",
         .message_has = "expected side, front or above"},
        {.name = "near and far in the front view",
         .file = "poses/wall_angels.toml",
         .find = "[pose.right]\nupper_arm = 130\n",
         .replace = "[pose.near]\nupper_arm = 130\n",
         .line_text = "[pose.near]",
         .message_has = "unknown key"},
        {.name = "a face in the front view",
         .file = "poses/wall_angels.toml",
         .find = "neck = 90\n",
         .replace = "neck = 90\nface = 0\n",
         .line_text = "face = 0",
         .message_has = "only in the side view"},
        {.name = "an unknown prop",
         .file = "poses/cat_cow.toml",
         .find = "kind = \"mat\"\n",
         .replace = "kind = \"trampoline\"\n",
         .line_text = "kind = \"trampoline\"",
         .message_has = "expected mat, pillow"},
        {.name = "a prop without its size",
         .file = "poses/cat_cow.toml",
         .find = "width = 110\n",
         .replace = "",
         .line_text = "[[prop]]",
         .message_has = "missing",
         .field = "prop[0].width"},
        {.name = "a variant for a modification the exercise does not have",
         .file = "poses/ninety_ninety.toml",
         .find = "modification = \"side_lying_instead\"\n",
         .replace = "modification = \"handstand\"\n",
         .line_text = "modification = \"handstand\"",
         .message_has =
             "'ninety_ninety' has no modification 'handstand' (exercises/ninety_ninety.toml)",
         .field = "variant[1].modification"},
        {.name = "a variant without its modification",
         .file = "poses/ninety_ninety.toml",
         .find = "modification = \"side_lying_instead\"\n",
         .replace = "",
         .line_text = "[[variant]]\ndescription = \"A person lying on their side",
         .message_has = "missing",
         .field = "variant[1].modification"},
        {.name = "a second variant for the same modification",
         .file = "poses/knee_to_chest.toml",
         .find = "",
         .replace = "\n[[variant]]\nmodification = 'single_knee_only'\ndescription = \"Again.\"\n"
                    "[[variant.pose]]\nname = \"in\"\nlike = \"near knee in\"\nmove_s = 2\n"
                    "[[variant.pose]]\nname = \"out\"\nlike = \"feet flat\"\nmove_s = 2\n",
         .line_text = "modification = 'single_knee_only'",
         .message_has = "a second variant for modification 'single_knee_only'"},
        {.name = "an unknown key in a variant",
         .file = "poses/ninety_ninety.toml",
         .find = "modification = \"side_lying_instead\"\n",
         .replace = "modification = \"side_lying_instead\"\nbump = true\n",
         .line_text = "bump = true",
         .message_has = "unknown key",
         .field = "variant[1].bump"},
        {.name = "a variant's pose like no pose here or in the file's own picture",
         .file = "poses/knee_to_chest.toml",
         .find = "like = \"near knee in\"\nmove_s = 1.8\nhold_s = 2.4\n",
         .replace = "like = \"knee in\"\nmove_s = 1.8\nhold_s = 2.4\n",
         .line_text = "like = \"knee in\"",
         .message_has = "no earlier pose named 'knee in' here or in the exercise's own picture"},
        {.name = "a variant of a hold with two poses",
         .file = "poses/ninety_ninety.toml",
         .find = "",
         .replace = "\n[[variant.pose]]\nname = \"again\"\nlike = \"resting on the side\"\n",
         .line_text = "[[variant.pose]]\nname = \"resting on the side\"",
         .message_has = "is a hold, so its picture is one still pose"},
        {.name = "a strap in a movement",
         .file = "poses/dead_bug.toml",
         .find = "",
         .replace = "\n[[prop]]\nkind = \"strap\"\n",
         .line_text = "[[prop]]",
         .message_has = "only in a picture with one pose"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        check_case(c);
    }
}

TEST(PoseFiles, AnExerciseWithoutAPoseFileIsAnError) {
    ContentCopy copy;
    ASSERT_TRUE(copy.ok());
    fs::remove(copy.dir() / "poses" / "cat_cow.toml");
    const auto kb = load(copy.dir());
    ASSERT_FALSE(kb.has_value());
    const auto match = std::ranges::find_if(kb.error(), [](const core::Error& error) {
        return error.file == "poses/cat_cow.toml" &&
               error.message.find("file is missing") != std::string::npos;
    });
    EXPECT_NE(match, kb.error().end()) << describe(kb.error());
}

TEST(PoseFiles, APoseFileForNoExerciseIsAnError) {
    ContentCopy copy;
    ASSERT_TRUE(copy.ok());
    fs::copy_file(copy.dir() / "poses" / "cat_cow.toml", copy.dir() / "poses" / "levitation.toml");
    const auto kb = load(copy.dir());
    ASSERT_FALSE(kb.has_value());
    ASSERT_EQ(kb.error().size(), 1U) << describe(kb.error());
    EXPECT_EQ(kb.error().front().to_string(),
              "poses/levitation.toml: no exercise 'levitation' to picture "
              "(exercises/levitation.toml)");
}

TEST(PoseFiles, AMissingPosesDirectoryIsOneError) {
    ContentCopy copy;
    ASSERT_TRUE(copy.ok());
    fs::remove_all(copy.dir() / "poses");
    const auto kb = load(copy.dir());
    ASSERT_FALSE(kb.has_value());
    ASSERT_EQ(kb.error().size(), 1U) << describe(kb.error());
    EXPECT_EQ(kb.error().front().file, "poses");
}

const core::Picture& picture_of(std::string_view id) {
    const auto& kb = test::knowledge_base();
    const auto item = kb.find_item(id);
    EXPECT_TRUE(item) << id;
    return kb.item(item.value_or(0)).picture;
}

const core::Picture& variant_of(std::string_view id, std::string_view modification) {
    const auto& kb = test::knowledge_base();
    const auto& item = kb.item(kb.find_item(id).value_or(0));
    const auto found = std::ranges::find(item.modifications, modification, &core::Modification::id);
    EXPECT_NE(found, item.modifications.end()) << id << " " << modification;
    static const core::Picture none;
    return found == item.modifications.end() ? none : found->picture;
}

bool has_prop(const core::Picture& picture, core::PropKind kind) {
    return std::ranges::any_of(picture.props, [&](const auto& prop) { return prop.kind == kind; });
}

TEST(PoseFiles, ShippedVariantsDrawTheirModification) {
    // In pregnancy: on the side, seen from above on a mat, with pillows; not on the back.
    for (const auto* id : {"ninety_ninety", "core_breathing"}) {
        SCOPED_TRACE(id);
        const auto& side = variant_of(id, "side_lying_instead");
        ASSERT_FALSE(side.poses.empty());
        EXPECT_EQ(side.file, "poses/" + std::string(id) + ".toml");
        EXPECT_FALSE(side.floor);
        EXPECT_TRUE(has_prop(side, core::PropKind::Mat));
        EXPECT_GE(std::ranges::count(side.props, core::PropKind::Pillow, &core::Prop::kind), 2);
        EXPECT_NE(side.description.find("side"), std::string::npos);
        EXPECT_EQ(side.poses.size(), picture_of(id).poses.size());
    }
    // One knee only: the near knee comes in and goes down, the far leg never moves.
    const auto& single = variant_of("knee_to_chest", "single_knee_only");
    ASSERT_EQ(single.poses.size(), 2U);
    EXPECT_GT(single.poses[0].angle(Bone::NearThigh), 90);
    EXPECT_LT(single.poses[1].angle(Bone::NearThigh), 90);
    for (const auto bone : {Bone::FarThigh, Bone::FarShin, Bone::FarFoot})
        EXPECT_DOUBLE_EQ(single.poses[0].angle(bone), single.poses[1].angle(bone));
    // `like` a pose of the file's own picture carries its angles over.
    const auto& own = picture_of("knee_to_chest").poses.front();
    EXPECT_EQ(own.name, "near knee in");
    EXPECT_EQ(single.poses[0].angles, own.angles);
    EXPECT_DOUBLE_EQ(single.poses[0].hold_s, 2.4);
    // A cushion under the hips.
    EXPECT_TRUE(has_prop(variant_of("childs_pose", "pillow_under_hips"), core::PropKind::Pillow));
    EXPECT_FALSE(has_prop(picture_of("childs_pose"), core::PropKind::Pillow));
    const auto& cushion = variant_of("ninety_ninety", "pillow_under_pelvis");
    EXPECT_TRUE(has_prop(cushion, core::PropKind::Pillow));
    ASSERT_EQ(cushion.poses.size(), 1U);
    EXPECT_GT(cushion.poses[0].pelvis.y, picture_of("ninety_ninety").poses[0].pelvis.y);
    // A modification that does not change the picture has none of its own.
    EXPECT_TRUE(variant_of("core_breathing", "breathing_only").poses.empty());
}

TEST(PoseFiles, ShippedPicturesLoadWithTheirDefaults) {
    const auto& kb = test::knowledge_base();
    for (const auto& item : kb.items) {
        EXPECT_FALSE(item.picture.poses.empty()) << item.id;
        EXPECT_EQ(item.picture.file, "poses/" + item.id + ".toml");
    }

    // `like` carries the limbs over; the far side copies the near one in the side view.
    const auto& cat_cow = picture_of("cat_cow");
    ASSERT_EQ(cat_cow.poses.size(), 2U);
    EXPECT_EQ(cat_cow.view, core::View::Side);
    const auto& cat = cat_cow.poses[1];
    EXPECT_EQ(cat.name, "cat");
    EXPECT_DOUBLE_EQ(cat.angle(Bone::Trunk), 40);
    EXPECT_DOUBLE_EQ(cat.angle(Bone::NearThigh), -90);
    EXPECT_DOUBLE_EQ(cat.angle(Bone::FarThigh), -90);
    EXPECT_DOUBLE_EQ(cat.angle(Bone::FarFoot), 180);
    EXPECT_DOUBLE_EQ(cat.move_s, 3.4);
    EXPECT_DOUBLE_EQ(cat.hold_s, 0.6);
    // Without `y`, a pose rests on the floor.
    for (const auto& pose : cat_cow.poses)
        EXPECT_NEAR(core::lowest_point(cat_cow.view, pose), 0, 1e-9) << pose.name;

    // Where the figure faces the viewer, the left side mirrors the right across the body, and
    // the feet continue the shins.
    const auto& wall_angels = picture_of("wall_angels");
    EXPECT_EQ(wall_angels.view, core::View::Front);
    const auto& goalpost = wall_angels.poses.front();
    EXPECT_DOUBLE_EQ(goalpost.angle(Bone::NearUpperArm), 178);
    EXPECT_DOUBLE_EQ(goalpost.angle(Bone::FarUpperArm), 2);
    EXPECT_DOUBLE_EQ(goalpost.angle(Bone::FarForearm), 90);
    EXPECT_DOUBLE_EQ(goalpost.angle(Bone::NearHip), 180);
    EXPECT_DOUBLE_EQ(goalpost.angle(Bone::FarHip), 0);
    EXPECT_DOUBLE_EQ(goalpost.angle(Bone::FarFoot), goalpost.angle(Bone::FarShin));

    // A still picture has no timing.
    const auto& plank = picture_of("plank");
    ASSERT_EQ(plank.poses.size(), 1U);
    EXPECT_FALSE(plank.moves());
    EXPECT_DOUBLE_EQ(plank.poses[0].move_s, 0);
}

} // namespace
} // namespace unload::content

// Forward kinematics of the picture figure: bones start where their parents attach them and point
// where the pose says; a standing figure has its feet on the floor, a lying one stays near it; and
// every key pose in content stands on or above the floor.

#include <initializer_list>

#include <gtest/gtest.h>

#include "core/pose.hpp"
#include "support/knowledge.hpp"

namespace unload::core {
namespace {

constexpr double epsilon = 1e-9;

/// Sets every bone in `bones` to `degrees`.
void set_all(KeyPose& pose, std::initializer_list<Bone> bones, double degrees) {
    for (const auto bone : bones)
        pose.set(bone, degrees);
}

/// Standing tall, arms by the sides, facing right. The hips are as high as the legs are long plus
/// half the shin's thickness, whose rounded end at the ankle is the heel.
KeyPose standing() {
    KeyPose pose;
    set_all(pose, {Bone::Pelvis, Bone::Trunk, Bone::UpperTrunk, Bone::Neck}, 90);
    set_all(pose, {Bone::NearHip, Bone::FarHip}, 90);
    set_all(pose,
            {Bone::NearShoulder, Bone::FarShoulder, Bone::NearUpperArm, Bone::FarUpperArm,
             Bone::NearForearm, Bone::FarForearm, Bone::NearThigh, Bone::FarThigh, Bone::NearShin,
             Bone::FarShin},
            -90);
    set_all(pose, {Bone::NearFoot, Bone::FarFoot, Bone::Face}, 0);
    pose.pelvis = {0, bone_length(View::Side, Bone::NearThigh) +
                          bone_length(View::Side, Bone::NearShin) +
                          bone_thickness(View::Side, Bone::NearShin) / 2};
    return pose;
}

/// Lying on the back with the head to the left, legs straight and toes up.
KeyPose lying() {
    KeyPose pose;
    set_all(pose, {Bone::Pelvis, Bone::Trunk, Bone::UpperTrunk, Bone::Neck}, 180);
    set_all(pose, {Bone::NearHip, Bone::FarHip, Bone::Face}, 90);
    set_all(pose, {Bone::NearShoulder, Bone::FarShoulder}, 0);
    set_all(pose,
            {Bone::NearUpperArm, Bone::FarUpperArm, Bone::NearForearm, Bone::FarForearm,
             Bone::NearThigh, Bone::FarThigh, Bone::NearShin, Bone::FarShin},
            0);
    set_all(pose, {Bone::NearFoot, Bone::FarFoot}, 90);
    pose.pelvis = {0, bone_thickness(View::Side, Bone::Trunk) / 2};
    return pose;
}

TEST(PoseKinematics, StandingPutsTheFeetOnTheFloorAndTheHeadOnTop) {
    const auto pose = standing();
    const auto skeleton = skeleton_of(View::Side, pose);
    EXPECT_NEAR(lowest_point(View::Side, pose), 0, epsilon);
    const auto& foot = skeleton[bone_index(Bone::NearFoot)];
    EXPECT_NEAR(foot.start.x, 0, epsilon);
    EXPECT_NEAR(foot.start.y, bone_thickness(View::Side, Bone::NearShin) / 2, epsilon);
    EXPECT_NEAR(foot.end.x, bone_length(View::Side, Bone::NearFoot), epsilon);
    const auto head = head_centre(View::Side, skeleton);
    EXPECT_NEAR(head.x, 0, epsilon);
    EXPECT_NEAR(head.y,
                pose.pelvis.y + bone_length(View::Side, Bone::Trunk) +
                    bone_length(View::Side, Bone::UpperTrunk) +
                    bone_length(View::Side, Bone::Neck) + body::head_radius,
                epsilon);
    // The hands hang below the hips, in front of nothing: straight down from the shoulders.
    const auto& hand = skeleton[bone_index(Bone::NearForearm)];
    EXPECT_NEAR(hand.end.x, 0, epsilon);
    EXPECT_LT(hand.end.y, pose.pelvis.y);
}

TEST(PoseKinematics, LyingKeepsTheBodyOnTheFloor) {
    const auto pose = lying();
    const auto skeleton = skeleton_of(View::Side, pose);
    EXPECT_NEAR(lowest_point(View::Side, pose), 0, epsilon);
    for (std::size_t i = 0; i < bone_count; ++i) {
        const auto bone = static_cast<Bone>(i);
        if (bone == Bone::NearFoot || bone == Bone::FarFoot || bone == Bone::Face)
            continue; // The toes point up; the eye is in the head.
        EXPECT_NEAR(skeleton[i].start.y, pose.pelvis.y, epsilon) << i;
        EXPECT_NEAR(skeleton[i].end.y, pose.pelvis.y, epsilon) << i;
    }
    EXPECT_NEAR(head_centre(View::Side, skeleton).y, pose.pelvis.y, epsilon);
    EXPECT_LT(head_centre(View::Side, skeleton).x, -40);
}

TEST(PoseKinematics, ChildBonesTurnWithTheirParents) {
    auto pose = standing();
    const auto upright = skeleton_of(View::Side, pose);
    // Bending forward at the hips carries the neck and shoulders along.
    set_all(pose, {Bone::Trunk, Bone::UpperTrunk}, 0);
    const auto bent = skeleton_of(View::Side, pose);
    const double trunk =
        bone_length(View::Side, Bone::Trunk) + bone_length(View::Side, Bone::UpperTrunk);
    EXPECT_NEAR(upright[bone_index(Bone::Neck)].start.y, pose.pelvis.y + trunk, epsilon);
    EXPECT_NEAR(bent[bone_index(Bone::Neck)].start.x, trunk, epsilon);
    EXPECT_NEAR(bent[bone_index(Bone::Neck)].start.y, pose.pelvis.y, epsilon);
    // Angles are absolute: the shoulder still points down, so the arm hangs below the neck.
    EXPECT_NEAR(bent[bone_index(Bone::NearUpperArm)].start.x, trunk, 1e-6);
    EXPECT_NEAR(bent[bone_index(Bone::NearUpperArm)].start.y,
                pose.pelvis.y - bone_length(View::Side, Bone::NearShoulder), 1e-6);
}

TEST(PoseKinematics, TheFrontViewSetsTheHipsAndShouldersApart) {
    auto pose = standing();
    pose.set(Bone::NearHip, 180);
    pose.set(Bone::FarHip, 0);
    pose.set(Bone::NearShoulder, 180);
    pose.set(Bone::FarShoulder, 0);
    const auto skeleton = skeleton_of(View::Front, pose);
    const double hip = bone_length(View::Front, Bone::NearHip);
    EXPECT_NEAR(skeleton[bone_index(Bone::NearThigh)].start.x, -hip, epsilon);
    EXPECT_NEAR(skeleton[bone_index(Bone::FarThigh)].start.x, hip, epsilon);
    EXPECT_GT(skeleton[bone_index(Bone::FarUpperArm)].start.x, hip);
    EXPECT_LT(skeleton[bone_index(Bone::NearUpperArm)].start.x, -hip);
}

TEST(PoseKinematics, EveryKeyPoseInContentIsOnOrAboveTheFloor) {
    for (const auto& item : test::knowledge_base().items) {
        const auto& picture = item.picture;
        if (!picture.floor)
            continue; // Seen from above, the floor is the whole picture.
        for (const auto& pose : picture.poses)
            EXPECT_GE(lowest_point(picture.view, pose), -1) << item.id << " " << pose.name;
    }
}

TEST(PoseKinematics, ALoopTakesTheTimeOfItsMovesAndHolds) {
    Picture picture;
    picture.poses = {KeyPose{.name = "a", .move_s = 1.5, .hold_s = 0.5},
                     KeyPose{.name = "b", .move_s = 2, .hold_s = 1}};
    EXPECT_DOUBLE_EQ(picture.cycle_s(), 5);
    picture.poses.resize(1);
    EXPECT_FALSE(picture.moves());
    EXPECT_DOUBLE_EQ(picture.cycle_s(), 0);
}

} // namespace
} // namespace unload::core

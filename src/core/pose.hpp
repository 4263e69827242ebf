#pragma once

// The picture of an exercise as data: a simple jointed figure, a few key poses of it, and the props
// it needs (a mat, a chair, a wall). Content gives each bone's direction in degrees; forward
// kinematics here turns a pose into joint positions, which the loader uses to check a pose and
// src/picture uses to frame and draw it. Lengths are centimetres of a generic adult; y is height
// above the floor and angles turn counter-clockwise from the picture's right (0 points right, 90
// straight up, -90 straight down).

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace unload::core {

/// Where the viewer stands. `Side`: beside the person, who faces right when standing. `Front`:
/// facing the person. `Above`: looking down on the floor at a person lying face up.
enum class View { Side, Front, Above };

/// The figure's bones, each drawn from the joint nearer the pelvis (its start) to its end. The
/// pelvis is the root and sits on the hip joints. In the side view `Near` limbs face the viewer;
/// in the front and above views the figure faces the viewer and `Near` is its right side.
enum class Bone : std::uint8_t {
    Pelvis,     ///< Length 0: the root, at the hip joints; its direction orients the hips.
    Trunk,      ///< Hips to the middle of the back.
    UpperTrunk, ///< The middle of the back to the base of the neck.
    Neck,       ///< Ends where the head begins; the head is a circle beyond it.
    Face,       ///< From the head's centre toward the eyes: which way the face looks (side view).
    NearShoulder,
    NearUpperArm,
    NearForearm, ///< Forearm and hand.
    FarShoulder,
    FarUpperArm,
    FarForearm,
    NearHip, ///< The pelvis to one hip joint: 0 long in the side view, half the hips' width else.
    NearThigh,
    NearShin,
    NearFoot,
    FarHip,
    FarThigh,
    FarShin,
    FarFoot,
};
inline constexpr std::size_t bone_count = 19;

enum class BodySide { Near, Far };

/// The bones that come in pairs, named as content names them under `[pose.near]`.
enum class Limb { Shoulder, UpperArm, Forearm, Hip, Thigh, Shin, Foot };

inline constexpr std::size_t bone_index(Bone bone) {
    return static_cast<std::size_t>(bone);
}
/// The bone of `limb` on `side`.
Bone bone_of(BodySide side, Limb limb);
/// The bone this one hangs from; the pelvis has none.
std::optional<Bone> parent_of(Bone bone);

struct Point {
    double x = 0;
    double y = 0;
};

/// How big each part of the figure is. One generic adult, so that every picture is drawn to the
/// same proportions.
namespace body {
inline constexpr double head_radius = 10;
inline constexpr double eye_offset = 5.0;
} // namespace body

/// The length of a bone in `view`, in centimetres (shoulder and hip widths differ by view).
double bone_length(View view, Bone bone);
/// How far along its parent a bone starts (the parent's length, or past the head for the face).
double bone_attach(View view, Bone bone);
/// How thick a bone is drawn, in centimetres; 0 for bones that are not drawn.
double bone_thickness(View view, Bone bone);

/// One key pose: where the pelvis is and which way every bone points.
struct KeyPose {
    std::string name;
    double move_s = 0; ///< Seconds to move into this pose from the one before it (for the first
                       ///< pose: from the last). 0 in a picture with one pose.
    double hold_s = 0; ///< Seconds it stays in this pose before moving on.
    Point pelvis;      ///< The hip joints, in centimetres; y above the floor.
    std::array<double, bone_count> angles{}; ///< Absolute direction of each bone, in degrees.

    double angle(Bone bone) const { return angles[bone_index(bone)]; }
    void set(Bone bone, double degrees) { angles[bone_index(bone)] = degrees; }
};

enum class PropKind { Mat, Pillow, TowelRoll, Chair, Wall, Bar, Counter, Table, Strap };
/// Which way a person on a chair faces; its back is behind them.
enum class Facing { Right, Left };

/// A simple object drawn behind the figure (a strap, in front of it), in a box given by its
/// lower-left corner and size in centimetres.
struct Prop {
    PropKind kind = PropKind::Mat;
    Point at;
    double width = 0;
    double height = 0;
    double angle = 0; ///< A tilt about the box's centre (a table), degrees counter-clockwise.
    Facing facing = Facing::Right;
};

/// The picture of one exercise: a still figure (one pose) or a movement that loops through its key
/// poses and back to the first.
struct Picture {
    View view = View::Side;
    /// Whether the figure stands or lies on a floor line. Seen from above there is none: the
    /// floor is the whole picture (a person lying on their back, or on their side).
    bool floor = true;
    std::string description; ///< What the picture shows, in plain words, for screen readers.
    std::vector<Prop> props;
    std::vector<KeyPose> poses; ///< Empty when the exercise has no picture.
    std::string file;           ///< The content file it came from.

    bool moves() const { return poses.size() > 1; }
    /// Seconds for one loop through the key poses; 0 for a still picture.
    double cycle_s() const;
};

/// Where each bone starts and ends in a pose, in centimetres.
struct BonePosition {
    Point start;
    Point end;
};
using Skeleton = std::array<BonePosition, bone_count>;

/// Forward kinematics: each bone starts where its parent attaches it and runs its length in its
/// direction.
Skeleton skeleton_of(View view, const KeyPose& pose);
/// The centre of the head circle.
Point head_centre(View view, const Skeleton& skeleton);
/// The lowest point of the drawn figure (the head, and every bone with half its thickness): 0 when
/// the figure rests on the floor.
double lowest_point(View view, const KeyPose& pose);

/// Direction `degrees` as a unit vector.
Point direction(double degrees);

std::string_view to_string(View view);
std::string_view to_string(PropKind kind);
std::string_view to_string(Limb limb);
std::optional<View> parse_view(std::string_view text);
std::optional<PropKind> parse_prop_kind(std::string_view text);
std::optional<Facing> parse_facing(std::string_view text);

} // namespace unload::core

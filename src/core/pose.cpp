#include "core/pose.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/enum_names.hpp"

namespace unload::core {

namespace {

struct BoneSpec {
    std::optional<Bone> parent;
    double side_length = 0;
    double front_length = 0; ///< Also the above view's.
    double side_thickness = 0;
    double front_thickness = 0;
};

// Proportions of a generic adult, rounded. The front view is wider at the shoulders and hips, and
// its feet point at the viewer, so they are short.
constexpr std::array<BoneSpec, bone_count> specs = {{
    {std::nullopt, 0, 0, 0, 0},              // Pelvis
    {Bone::Pelvis, 22, 22, 20, 26},          // Trunk
    {Bone::Trunk, 22, 22, 20, 30},           // UpperTrunk
    {Bone::UpperTrunk, 6, 6, 8, 8},          // Neck
    {Bone::Neck, body::eye_offset, 0, 0, 0}, // Face
    {Bone::UpperTrunk, 6, 16, 8.5, 11},      // NearShoulder
    {Bone::NearShoulder, 28, 28, 8.5, 8.5},  // NearUpperArm
    {Bone::NearUpperArm, 27, 27, 7, 7},      // NearForearm
    {Bone::UpperTrunk, 6, 16, 8.5, 11},      // FarShoulder
    {Bone::FarShoulder, 28, 28, 8.5, 8.5},   // FarUpperArm
    {Bone::FarUpperArm, 27, 27, 7, 7},       // FarForearm
    {Bone::Pelvis, 0, 9, 0, 16},             // NearHip
    {Bone::NearHip, 43, 43, 12.5, 12.5},     // NearThigh
    {Bone::NearThigh, 42, 42, 9.5, 9.5},     // NearShin
    {Bone::NearShin, 14, 6, 6, 7},           // NearFoot
    {Bone::Pelvis, 0, 9, 0, 16},             // FarHip
    {Bone::FarHip, 43, 43, 12.5, 12.5},      // FarThigh
    {Bone::FarThigh, 42, 42, 9.5, 9.5},      // FarShin
    {Bone::FarShin, 14, 6, 6, 7},            // FarFoot
}};

constexpr EnumNames<View, 3> view_names{{
    {View::Side, "side"},
    {View::Front, "front"},
    {View::Above, "above"},
}};

constexpr EnumNames<PropKind, 9> prop_names{{
    {PropKind::Mat, "mat"},
    {PropKind::Pillow, "pillow"},
    {PropKind::TowelRoll, "towel_roll"},
    {PropKind::Chair, "chair"},
    {PropKind::Wall, "wall"},
    {PropKind::Bar, "bar"},
    {PropKind::Counter, "counter"},
    {PropKind::Table, "table"},
    {PropKind::Strap, "strap"},
}};

constexpr EnumNames<Limb, 7> limb_names{{
    {Limb::Shoulder, "shoulder"},
    {Limb::UpperArm, "upper_arm"},
    {Limb::Forearm, "forearm"},
    {Limb::Hip, "hip"},
    {Limb::Thigh, "thigh"},
    {Limb::Shin, "shin"},
    {Limb::Foot, "foot"},
}};

constexpr EnumNames<Facing, 2> facing_names{{
    {Facing::Right, "right"},
    {Facing::Left, "left"},
}};

const BoneSpec& spec(Bone bone) {
    return specs[bone_index(bone)];
}

} // namespace

Bone bone_of(BodySide side, Limb limb) {
    const bool near = side == BodySide::Near;
    switch (limb) {
    case Limb::Shoulder:
        return near ? Bone::NearShoulder : Bone::FarShoulder;
    case Limb::UpperArm:
        return near ? Bone::NearUpperArm : Bone::FarUpperArm;
    case Limb::Forearm:
        return near ? Bone::NearForearm : Bone::FarForearm;
    case Limb::Hip:
        return near ? Bone::NearHip : Bone::FarHip;
    case Limb::Thigh:
        return near ? Bone::NearThigh : Bone::FarThigh;
    case Limb::Shin:
        return near ? Bone::NearShin : Bone::FarShin;
    case Limb::Foot:
        return near ? Bone::NearFoot : Bone::FarFoot;
    }
    return Bone::Pelvis;
}

std::optional<Bone> parent_of(Bone bone) {
    return spec(bone).parent;
}

double bone_length(View view, Bone bone) {
    return view == View::Side ? spec(bone).side_length : spec(bone).front_length;
}

double bone_attach(View view, Bone bone) {
    const auto parent = spec(bone).parent;
    if (!parent)
        return 0;
    if (bone == Bone::Face)
        return bone_length(view, Bone::Neck) + body::head_radius;
    return bone_length(view, *parent);
}

double bone_thickness(View view, Bone bone) {
    return view == View::Side ? spec(bone).side_thickness : spec(bone).front_thickness;
}

double Picture::cycle_s() const {
    if (!moves())
        return 0;
    double total = 0;
    for (const auto& pose : poses)
        total += pose.move_s + pose.hold_s;
    return total;
}

Point direction(double degrees) {
    const double radians = degrees * std::numbers::pi / 180.0;
    return {std::cos(radians), std::sin(radians)};
}

Skeleton skeleton_of(View view, const KeyPose& pose) {
    Skeleton out{};
    // Parents come before their children in `Bone`, so one pass in order places every bone.
    for (std::size_t i = 0; i < bone_count; ++i) {
        const auto bone = static_cast<Bone>(i);
        Point start = pose.pelvis;
        if (const auto parent = parent_of(bone)) {
            const auto& from = out[bone_index(*parent)];
            const auto along = direction(pose.angle(*parent));
            const double at = bone_attach(view, bone);
            start = {from.start.x + along.x * at, from.start.y + along.y * at};
        }
        const auto toward = direction(pose.angle(bone));
        const double length = bone_length(view, bone);
        out[i] = {start, {start.x + toward.x * length, start.y + toward.y * length}};
    }
    return out;
}

Point head_centre(View view, const Skeleton& skeleton) {
    const auto& neck = skeleton[bone_index(Bone::Neck)];
    const double length = bone_length(view, Bone::Neck);
    if (length <= 0)
        return neck.end;
    const double scale = (length + body::head_radius) / length;
    return {neck.start.x + (neck.end.x - neck.start.x) * scale,
            neck.start.y + (neck.end.y - neck.start.y) * scale};
}

double lowest_point(View view, const KeyPose& pose) {
    const auto skeleton = skeleton_of(view, pose);
    double lowest = head_centre(view, skeleton).y - body::head_radius;
    for (std::size_t i = 0; i < bone_count; ++i) {
        const double half = bone_thickness(view, static_cast<Bone>(i)) / 2;
        if (half <= 0)
            continue;
        lowest = std::min({lowest, skeleton[i].start.y - half, skeleton[i].end.y - half});
    }
    return lowest;
}

std::string_view to_string(View view) {
    return name_of(view_names, view);
}
std::string_view to_string(PropKind kind) {
    return name_of(prop_names, kind);
}
std::string_view to_string(Limb limb) {
    return name_of(limb_names, limb);
}
std::optional<View> parse_view(std::string_view text) {
    return enum_from_name(view_names, text);
}
std::optional<PropKind> parse_prop_kind(std::string_view text) {
    return enum_from_name(prop_names, text);
}
std::optional<Facing> parse_facing(std::string_view text) {
    return enum_from_name(facing_names, text);
}

} // namespace unload::core

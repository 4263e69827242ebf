#include "content/pose_loader.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "content/toml_reader.hpp"

namespace unload::content {

namespace {

using core::BodySide;
using core::Bone;
using core::Limb;
using core::View;

constexpr std::string_view directory = "poses";

// Generous limits, so that a typo (`trunk = 900`, `move_s = 40`) is caught rather than drawn.
constexpr double max_angle = 180;
constexpr double max_position_cm = 300;
constexpr double min_size_cm = 0.5;
constexpr double max_tilt = 90;
constexpr double min_move_s = 0.2;
constexpr double max_move_s = 30;
constexpr double max_hold_s = 60;
/// How far below the floor a pose with a given height may reach before it is an error: a round
/// number in the figure's proportions should not need exact arithmetic.
constexpr double floor_tolerance_cm = 1;

/// The limbs content writes under `[pose.near]` (`[pose.right]` when the figure faces the viewer);
/// the hips are not written: they follow the pelvis.
constexpr std::array<Limb, 6> written_limbs = {Limb::Shoulder, Limb::UpperArm, Limb::Forearm,
                                               Limb::Thigh,    Limb::Shin,     Limb::Foot};
/// The limbs every pose must give for its near (right) side.
constexpr std::array<Limb, 4> required_limbs = {Limb::UpperArm, Limb::Forearm, Limb::Thigh,
                                                Limb::Shin};

/// A pose as written: only the values its own table, or the pose it is `like`, gives.
struct Written {
    std::string name;
    std::optional<double> x;
    std::optional<double> y;
    std::array<std::optional<double>, core::bone_count> angles{};
    /// Angles written but refused (out of range, not a number): reported once, not as missing.
    std::array<bool, core::bone_count> refused{};

    std::optional<double> angle(Bone bone) const { return angles[core::bone_index(bone)]; }
    /// Reads `key` of `table` as the angle of `bone`.
    void read(TableReader& table, std::string_view key, Bone bone);
};

/// Degrees into (-180, 180].
double normalised(double degrees) {
    double out = std::fmod(degrees, 360.0);
    if (out > 180)
        out -= 360;
    if (out <= -180)
        out += 360;
    return out;
}

std::optional<double> read_number(TableReader& reader, std::string_view key, Required required,
                                  double min, double max) {
    const auto value = reader.number(key, required);
    if (!value)
        return std::nullopt;
    if (!(*value >= min && *value <= max)) {
        reader.error(key, fmt::format("expected {}..{}, got {}", min, max, *value));
        return std::nullopt;
    }
    return value;
}

void Written::read(TableReader& table, std::string_view key, Bone bone) {
    if (const auto angle = read_number(table, key, Required::No, -max_angle, max_angle))
        angles[core::bone_index(bone)] = angle;
    else if (table.has(key))
        refused[core::bone_index(bone)] = true;
}

std::string_view side_key(View view, BodySide side) {
    if (view == View::Side)
        return side == BodySide::Near ? "near" : "far";
    return side == BodySide::Near ? "right" : "left";
}

class PictureReader {
public:
    /// `base`: the poses of the item's own picture, which a variant's poses may be `like`.
    PictureReader(const core::Item& item, core::Picture& picture,
                  const std::vector<Written>* base = nullptr)
        : m_item(item), m_picture(picture), m_base(base) {}

    void read(TableReader& root);
    const std::vector<Written>& written() const { return m_written; }

private:
    void read_prop(TableReader& table);
    void read_pose(TableReader& table, bool moving);
    std::optional<core::KeyPose> resolve(TableReader& table, const Written& written);

    const core::Item& m_item;
    core::Picture& m_picture;
    const std::vector<Written>* m_base;
    std::vector<Written> m_written;
    bool m_has_strap = false;
    int m_strap_line = 0;
};

void PictureReader::read(TableReader& root) {
    m_picture.file = root.file();
    if (const auto view = root.string("view", Required::No)) {
        if (const auto parsed = core::parse_view(*view))
            m_picture.view = *parsed;
        else
            root.error("view", fmt::format("expected side, front or above, got '{}'", *view));
    }
    // Seen from above there is no floor line; a figure lying on its side, seen from above, is
    // drawn in the side view's profile without one (`floor = false`).
    m_picture.floor = m_picture.view != View::Above;
    if (const auto floor = root.boolean("floor", Required::No)) {
        if (*floor && m_picture.view == View::Above)
            root.error("floor", "seen from above, the floor is the whole picture: no floor line");
        else
            m_picture.floor = *floor;
    }
    m_picture.description = root.string("description", Required::Yes).value_or("");
    for (auto& table : root.tables("prop"))
        read_prop(table);
    auto poses = root.tables("pose");
    for (auto& table : poses)
        read_pose(table, poses.size() > 1);

    if (poses.empty())
        root.error("pose", "needs at least one [[pose]]");
    if (m_item.dose && m_item.dose->rep_s > 0 && poses.size() == 1)
        root.error("pose", fmt::format("'{}' is done in paced repetitions, so its picture needs at "
                                       "least 2 key poses to move between, got {}",
                                       m_item.id, poses.size()));
    if (m_item.dose && m_item.dose->rep_s == 0 && m_item.dose->hold_s.high > 0 && poses.size() > 1)
        root.error("pose", fmt::format("'{}' is a hold, so its picture is one still pose, got {}",
                                       m_item.id, poses.size()));
    if (m_has_strap && poses.size() > 1)
        root.error_at(m_strap_line, "prop", "a strap is drawn only in a picture with one pose");
}

void PictureReader::read_prop(TableReader& table) {
    core::Prop prop;
    if (const auto kind = table.string("kind", Required::Yes)) {
        if (const auto parsed = core::parse_prop_kind(*kind))
            prop.kind = *parsed;
        else
            table.error("kind", fmt::format("expected mat, pillow, towel_roll, chair, wall, bar, "
                                            "counter, table or strap, got '{}'",
                                            *kind));
    }
    // A strap has no box of its own: it runs from the near hand to the near foot.
    if (prop.kind == core::PropKind::Strap) {
        m_has_strap = true;
        m_strap_line = table.line();
    } else {
        prop.at.x =
            read_number(table, "x", Required::Yes, -max_position_cm, max_position_cm).value_or(0);
        prop.at.y =
            read_number(table, "y", Required::No, -max_position_cm, max_position_cm).value_or(0);
        prop.width =
            read_number(table, "width", Required::Yes, min_size_cm, max_position_cm).value_or(1);
        prop.height =
            read_number(table, "height", Required::Yes, min_size_cm, max_position_cm).value_or(1);
    }
    if (prop.kind == core::PropKind::Table)
        prop.angle = read_number(table, "angle", Required::No, -max_tilt, max_tilt).value_or(0);
    if (prop.kind == core::PropKind::Chair) {
        if (const auto facing = table.string("facing", Required::No)) {
            if (const auto parsed = core::parse_facing(*facing))
                prop.facing = *parsed;
            else
                table.error("facing", fmt::format("expected right or left, got '{}'", *facing));
        }
    }
    table.finish();
    m_picture.props.push_back(prop);
}

void PictureReader::read_pose(TableReader& table, bool moving) {
    const auto view = m_picture.view;
    Written written;
    written.name = table.string("name", Required::Yes).value_or("");
    if (!written.name.empty() &&
        std::ranges::find(m_written, written.name, &Written::name) != m_written.end())
        table.error("name", fmt::format("duplicate pose name '{}'", written.name));
    if (const auto like = table.string("like", Required::No)) {
        const Written* base = nullptr;
        if (const auto own = std::ranges::find(m_written, *like, &Written::name);
            own != m_written.end())
            base = &*own;
        else if (m_base) {
            const auto inherited = std::ranges::find(*m_base, *like, &Written::name);
            if (inherited != m_base->end())
                base = &*inherited;
        }
        if (!base) {
            table.error("like",
                        m_base ? fmt::format("no earlier pose named '{}' here or in the exercise's "
                                             "own picture",
                                             *like)
                               : fmt::format("no earlier pose named '{}'", *like));
        } else {
            auto name = std::move(written.name);
            written = *base;
            written.name = std::move(name);
        }
    }
    if (const auto x = read_number(table, "x", Required::No, -max_position_cm, max_position_cm))
        written.x = x;
    if (const auto y = read_number(table, "y", Required::No, -max_position_cm, max_position_cm))
        written.y = y;
    for (const auto bone : {Bone::Pelvis, Bone::Trunk, Bone::UpperTrunk, Bone::Neck}) {
        static constexpr std::array<std::string_view, 4> keys = {"pelvis", "trunk", "upper_trunk",
                                                                 "neck"};
        written.read(table, keys[core::bone_index(bone)], bone);
    }
    if (view == View::Side) {
        written.read(table, "face", Bone::Face);
    } else if (table.has("face")) {
        table.number("face", Required::No); // Marks the key, so it is reported once, here.
        table.error("face", "the face is drawn only in the side view; here the figure faces you");
    }
    for (const auto side : {BodySide::Near, BodySide::Far}) {
        auto limbs = table.table(side_key(view, side), Required::No);
        if (!limbs)
            continue;
        for (const auto limb : written_limbs) {
            written.read(*limbs, core::to_string(limb), core::bone_of(side, limb));
        }
        limbs->finish();
    }
    const auto move_s = read_number(table, "move_s", Required::No, min_move_s, max_move_s);
    const auto hold_s = read_number(table, "hold_s", Required::No, 0, max_hold_s);
    if (moving && !move_s && !table.has("move_s"))
        table.error("move_s", "missing; expected the seconds it takes to move into this pose");
    if (!moving && (table.has("move_s") || table.has("hold_s")))
        table.error(table.has("move_s") ? "move_s" : "hold_s",
                    "a picture with one pose stays still; timing is for movements");
    auto pose = resolve(table, written);
    table.finish();
    m_written.push_back(written);
    if (!pose)
        return;
    if (moving) {
        pose->move_s = move_s.value_or(1);
        pose->hold_s = hold_s.value_or(0);
    }
    m_picture.poses.push_back(std::move(*pose));
}

std::optional<core::KeyPose> PictureReader::resolve(TableReader& table, const Written& written) {
    const auto view = m_picture.view;
    const bool side_view = view == View::Side;
    bool complete = true;
    const auto need = [&](Bone bone, const std::string& key) {
        if (const auto angle = written.angle(bone))
            return *angle;
        complete = false;
        if (written.refused[core::bone_index(bone)])
            return 0.0;
        table.error(key, "missing; expected an angle in degrees, in this pose or the one it is "
                         "`like`");
        return 0.0;
    };
    core::KeyPose pose;
    pose.name = written.name;
    const double trunk = need(Bone::Trunk, "trunk");
    const double neck = need(Bone::Neck, "neck");
    const double pelvis = written.angle(Bone::Pelvis).value_or(trunk);
    const double upper_trunk = written.angle(Bone::UpperTrunk).value_or(trunk);
    pose.set(Bone::Pelvis, pelvis);
    pose.set(Bone::Trunk, trunk);
    pose.set(Bone::UpperTrunk, upper_trunk);
    pose.set(Bone::Neck, neck);
    // The eye sits a quarter turn clockwise of the neck: forward for a figure standing and facing
    // right, up for one lying on its back with its head to the left.
    pose.set(Bone::Face, side_view ? written.angle(Bone::Face).value_or(neck - 90) : neck);

    const auto near = [](Limb limb) { return core::bone_of(BodySide::Near, limb); };
    const auto far = [](Limb limb) { return core::bone_of(BodySide::Far, limb); };
    const std::string near_key(side_key(view, BodySide::Near));
    for (const auto limb : required_limbs)
        pose.set(near(limb),
                 need(near(limb), fmt::format("{}.{}", near_key, core::to_string(limb))));
    const double near_shin = pose.angle(near(Limb::Shin));
    pose.set(near(Limb::Shoulder), written.angle(near(Limb::Shoulder))
                                       .value_or(side_view ? upper_trunk + 180 : upper_trunk + 90));
    pose.set(near(Limb::Hip), side_view ? pelvis : pelvis + 90);
    pose.set(near(Limb::Foot),
             written.angle(near(Limb::Foot)).value_or(side_view ? near_shin + 90 : near_shin));

    // The far side copies the near one unless it says otherwise: in the side view it stands
    // behind it, and where the figure faces the viewer it mirrors it across the body.
    const auto copy = [&](Limb limb) {
        const double value = pose.angle(near(limb));
        if (side_view)
            return value;
        const bool arm = limb == Limb::Shoulder || limb == Limb::UpperArm || limb == Limb::Forearm;
        return 2 * (arm ? upper_trunk : pelvis) - value;
    };
    for (const auto limb : {Limb::Shoulder, Limb::UpperArm, Limb::Forearm, Limb::Thigh, Limb::Shin})
        pose.set(far(limb), written.angle(far(limb)).value_or(copy(limb)));
    pose.set(far(Limb::Hip), side_view ? pelvis : pelvis - 90);
    if (const auto foot = written.angle(far(Limb::Foot)))
        pose.set(far(Limb::Foot), *foot);
    else if (written.angle(far(Limb::Shin)))
        pose.set(far(Limb::Foot),
                 side_view ? pose.angle(far(Limb::Shin)) + 90 : pose.angle(far(Limb::Shin)));
    else
        pose.set(far(Limb::Foot), copy(Limb::Foot));
    for (auto& angle : pose.angles)
        angle = normalised(angle);
    if (!complete)
        return std::nullopt;

    pose.pelvis.x = written.x.value_or(0);
    if (written.y) {
        pose.pelvis.y = *written.y;
        const double lowest = core::lowest_point(view, pose);
        if (m_picture.floor && lowest < -floor_tolerance_cm)
            table.error("y", fmt::format("the figure reaches {:.0f} cm below the floor; leave `y` "
                                         "out to rest it on the floor",
                                         -lowest));
    } else if (m_picture.floor) {
        // No height given: the figure rests on the floor, its lowest point touching it.
        pose.pelvis.y = -core::lowest_point(view, pose);
    }
    return pose;
}

/// The `[[variant]]` tables of a pose file: each the picture of one of the item's modifications,
/// read like the file's own picture, whose poses it may be `like`.
void read_variants(TableReader& root, core::Item& item, const std::vector<Written>& base) {
    std::set<std::string, std::less<>> seen;
    for (auto& table : root.tables("variant")) {
        const auto id = table.string("modification", Required::Yes);
        core::Modification* modification = nullptr;
        if (id) {
            const auto found = std::ranges::find(item.modifications, *id, &core::Modification::id);
            if (found != item.modifications.end()) {
                modification = &*found;
            } else {
                std::string known;
                for (const auto& m : item.modifications)
                    known += (known.empty() ? "" : ", ") + m.id;
                table.error("modification",
                            fmt::format("'{}' has no modification '{}' (exercises/{}.toml){}",
                                        item.id, *id, item.id,
                                        known.empty() ? "" : "; it has " + known));
            }
            if (modification && !seen.insert(*id).second) {
                table.error("modification",
                            fmt::format("a second variant for modification '{}'", *id));
                modification = nullptr;
            }
        }
        // An unknown modification's variant is still read, so that its other mistakes show too.
        core::Picture discarded;
        PictureReader(item, modification ? modification->picture : discarded, &base).read(table);
        table.finish();
    }
}

} // namespace

void read_pictures(const std::filesystem::path& content_dir, core::KnowledgeBase& kb,
                   core::Errors& errors) {
    const auto dir = content_dir / directory;
    const auto error = [&](std::string file, std::string message) {
        errors.push_back(core::Error{.code = core::ErrorCode::InvalidContent,
                                     .field = {},
                                     .message = std::move(message),
                                     .file = std::move(file),
                                     .line = 0});
    };
    if (!std::filesystem::is_directory(dir)) {
        error(std::string(directory), "directory is missing; every exercise needs a picture");
        return;
    }
    std::vector<std::filesystem::path> paths;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.is_regular_file() && entry.path().extension() == ".toml")
            paths.push_back(entry.path());
    }
    // Sorted, so that errors come in the same order on every machine.
    std::ranges::sort(paths);
    std::set<std::string, std::less<>> pictured;
    for (const auto& path : paths) {
        const auto id = path.stem().string();
        const auto name = fmt::format("{}/{}", directory, path.filename().string());
        const auto item = kb.find_item(id);
        if (!item) {
            error(name, fmt::format("no exercise '{}' to picture (exercises/{}.toml)", id, id));
            continue;
        }
        pictured.insert(id);
        auto& exercise = kb.items[*item];
        read_content_file(path, name, errors, [&](TableReader& root) {
            PictureReader reader(exercise, exercise.picture);
            reader.read(root);
            read_variants(root, exercise, reader.written());
        });
    }
    for (std::size_t i = 0; i < kb.items.size(); ++i) {
        const auto& item = kb.items[i];
        // A repeated id is reported where it is defined; its picture is the first one's.
        const auto first = kb.find_item(item.id);
        if (item.id.empty() || !first || *first != i || pictured.contains(item.id))
            continue;
        error(fmt::format("{}/{}.toml", directory, item.id),
              "file is missing; every exercise needs a picture (docs/content-format.md)");
    }
}

} // namespace unload::content

#include "picture/svg.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace unload::picture {

namespace {

using core::Bone;
using core::Point;
using core::View;

// Colours, chosen to read on the picture's own light card whatever the page around it is. They are
// attributes, so that the picture is whole without styles; a class on each element lets
// `dark_style` repaint it where the page is dark.
constexpr std::string_view card_colour = "#f4f1ea";
constexpr std::string_view card_edge_colour = "#ddd5c4";
constexpr std::string_view floor_colour = "#a99d86";
constexpr std::string_view near_colour = "#2f5369";
constexpr std::string_view far_colour = "#8fa9bb";
constexpr std::string_view strap_colour = "#c0603a";

/// The one stylesheet: in a dark colour scheme, a dark card with a light figure, and the props
/// dimmed so that they stay behind it. An `<img>` sees the page's colour scheme; where styles are
/// refused (the server's policy, for the picture opened on its own), the light card stands.
constexpr std::string_view dark_style = "@media (prefers-color-scheme: dark){"
                                        ".card{fill:#1f2529;stroke:#3d474e}"
                                        ".cs{stroke:#1f2529}.cf{fill:#1f2529}"
                                        ".ns{stroke:#d6e6f1}.nf{fill:#d6e6f1}"
                                        ".fs{stroke:#71899a}"
                                        ".floor{stroke:#8c8472}"
                                        ".props{opacity:.62}.mat{fill:#3a4b5c}"
                                        ".mount{stroke:#a3aab2}.bar{fill:#c3c9cf}"
                                        "}";

constexpr double width_px = 320;
constexpr double height_px = 240;
constexpr double aspect = width_px / height_px;
/// Room around the figure and its props, as a share of the larger of its width and height.
constexpr double margin_share = 0.1;
constexpr double min_margin_cm = 8;
/// Room below the floor line, so it does not sit on the card's edge.
constexpr double below_floor_cm = 9;
constexpr double card_radius_share = 0.05;
/// A light edge drawn around each limb, so a limb in front of the trunk stays visible.
constexpr double outline_cm = 1.6;
/// Frames sampled between two key frames to find how far a movement reaches.
constexpr int samples_per_move = 8;
/// Every movement eases in and out of its key poses.
constexpr std::string_view ease = "0.42 0 0.58 1";

/// A number with at most `decimals` decimals and no trailing zeros; never `-0`.
std::string num(double value, int decimals = 1) {
    const double scale = std::pow(10.0, decimals);
    double rounded = std::round(value * scale) / scale;
    if (rounded == 0)
        rounded = 0; // Drops the sign of a negative zero.
    std::array<char, 48> buffer{};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), rounded,
                                         std::chars_format::fixed, decimals);
    if (ec != std::errc())
        return "0";
    std::string out(buffer.data(), end);
    if (out.find('.') != std::string::npos) {
        while (out.back() == '0')
            out.pop_back();
        if (out.back() == '.')
            out.pop_back();
    }
    return out;
}

/// Text for element content and double-quoted attributes.
std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

double normalised(double degrees) {
    double out = std::fmod(degrees, 360.0);
    if (out > 180)
        out -= 360;
    if (out <= -180)
        out += 360;
    return out;
}

/// `degrees` plus whole turns, as close as possible to `near`.
double closest_turn(double degrees, double near) {
    return degrees + 360.0 * std::round((near - degrees) / 360.0);
}

bool is_far(Bone bone) {
    switch (bone) {
    case Bone::FarShoulder:
    case Bone::FarUpperArm:
    case Bone::FarForearm:
    case Bone::FarHip:
    case Bone::FarThigh:
    case Bone::FarShin:
    case Bone::FarFoot:
        return true;
    default:
        return false;
    }
}

bool is_limb(Bone bone) {
    switch (bone) {
    case Bone::Trunk:
    case Bone::UpperTrunk:
    case Bone::Pelvis:
    case Bone::Face:
    case Bone::NearHip:
    case Bone::FarHip:
        return false;
    default:
        return true;
    }
}

/// The bones hanging from `bone`, split into those drawn behind it and those drawn in front: the
/// far limbs go behind the body and the near ones in front of it. The head comes after the near
/// arm, so arms raised overhead (a hang) or reaching past it (child's pose) never hide it.
struct Children {
    std::vector<Bone> behind;
    std::vector<Bone> front;
};

Children children_of(Bone bone) {
    switch (bone) {
    case Bone::Pelvis:
        return {{Bone::FarHip}, {Bone::Trunk, Bone::NearHip}};
    case Bone::Trunk:
        return {{}, {Bone::UpperTrunk}};
    case Bone::UpperTrunk:
        return {{Bone::FarShoulder}, {Bone::NearShoulder, Bone::Neck}};
    case Bone::Neck:
        return {{}, {Bone::Face}};
    case Bone::NearShoulder:
        return {{}, {Bone::NearUpperArm}};
    case Bone::NearUpperArm:
        return {{}, {Bone::NearForearm}};
    case Bone::FarShoulder:
        return {{}, {Bone::FarUpperArm}};
    case Bone::FarUpperArm:
        return {{}, {Bone::FarForearm}};
    case Bone::NearHip:
        return {{}, {Bone::NearThigh}};
    case Bone::NearThigh:
        return {{}, {Bone::NearShin}};
    case Bone::NearShin:
        return {{}, {Bone::NearFoot}};
    case Bone::FarHip:
        return {{}, {Bone::FarThigh}};
    case Bone::FarThigh:
        return {{}, {Bone::FarShin}};
    case Bone::FarShin:
        return {{}, {Bone::FarFoot}};
    default:
        return {};
    }
}

/// The key frames of one loop: each pose (twice when it is held), then the first pose again. A
/// frame names a position in the tracks: 0..n-1 for the poses and n for the return to the first.
struct Timeline {
    std::vector<std::size_t> frames;
    std::vector<double> seconds;
    double total_s = 0;
};

Timeline timeline_of(const core::Picture& picture) {
    Timeline out;
    const auto& poses = picture.poses;
    double at = 0;
    for (std::size_t i = 0; i < poses.size(); ++i) {
        if (i > 0)
            at += poses[i].move_s;
        out.frames.push_back(i);
        out.seconds.push_back(at);
        if (poses[i].hold_s > 0) {
            at += poses[i].hold_s;
            out.frames.push_back(i);
            out.seconds.push_back(at);
        }
    }
    at += poses.front().move_s;
    out.frames.push_back(poses.size());
    out.seconds.push_back(at);
    out.total_s = at;
    return out;
}

/// What moves: each bone's rotation about its joint (relative to its parent), and the pelvis's
/// place, at every track position. Rotations are unwound so that no step between neighbouring
/// poses turns more than half a turn, as the content means it.
struct Tracks {
    std::array<std::vector<double>, core::bone_count> rotation;
    std::vector<Point> pelvis;
};

Tracks tracks_of(const core::Picture& picture) {
    Tracks out;
    const auto& poses = picture.poses;
    for (std::size_t b = 0; b < core::bone_count; ++b) {
        const auto bone = static_cast<Bone>(b);
        const auto parent = core::parent_of(bone);
        const auto relative = [&](const core::KeyPose& pose) {
            return pose.angle(bone) - (parent ? pose.angle(*parent) : 0.0);
        };
        auto& track = out.rotation[b];
        track.push_back(normalised(relative(poses.front())));
        for (std::size_t i = 1; i < poses.size(); ++i)
            track.push_back(closest_turn(relative(poses[i]), track.back()));
        track.push_back(closest_turn(track.front(), track.back()));
    }
    for (const auto& pose : poses)
        out.pelvis.push_back(pose.pelvis);
    out.pelvis.push_back(poses.front().pelvis);
    return out;
}

/// The pose part of the way (`share`, 0..1) from track position `from` to `to`, as the
/// animation draws it.
core::KeyPose between(const Tracks& tracks, std::size_t from, std::size_t to, double share) {
    core::KeyPose pose;
    const auto mix = [&](double a, double b) { return a + (b - a) * share; };
    pose.pelvis = {mix(tracks.pelvis[from].x, tracks.pelvis[to].x),
                   mix(tracks.pelvis[from].y, tracks.pelvis[to].y)};
    for (std::size_t b = 0; b < core::bone_count; ++b) {
        const auto bone = static_cast<Bone>(b);
        const auto parent = core::parent_of(bone);
        const double relative = mix(tracks.rotation[b][from], tracks.rotation[b][to]);
        pose.set(bone, relative + (parent ? pose.angle(*parent) : 0.0));
    }
    return pose;
}

struct Bounds {
    double min_x = 1e9;
    double min_y = 1e9;
    double max_x = -1e9;
    double max_y = -1e9;

    void add(Point p, double pad = 0) {
        min_x = std::min(min_x, p.x - pad);
        max_x = std::max(max_x, p.x + pad);
        min_y = std::min(min_y, p.y - pad);
        max_y = std::max(max_y, p.y + pad);
    }
    bool empty() const { return min_x > max_x; }
};

void add_figure(Bounds& bounds, View view, const core::KeyPose& pose) {
    const auto skeleton = core::skeleton_of(view, pose);
    bounds.add(core::head_centre(view, skeleton), core::body::head_radius + outline_cm);
    for (std::size_t b = 0; b < core::bone_count; ++b) {
        const double pad = core::bone_thickness(view, static_cast<Bone>(b)) / 2 + outline_cm;
        if (pad <= outline_cm)
            continue;
        bounds.add(skeleton[b].start, pad);
        bounds.add(skeleton[b].end, pad);
    }
}

/// How tall a chair's back rises above its seat, as a share of the seat's height.
constexpr double chair_back_share = 0.95;
constexpr double table_stand_cm = 24;

void add_prop(Bounds& bounds, const core::Prop& prop) {
    if (prop.kind == core::PropKind::Strap)
        return; // It runs between the hand and the foot, which the figure's bounds include.
    const Point centre{prop.at.x + prop.width / 2, prop.at.y + prop.height / 2};
    const auto along = core::direction(prop.angle);
    const Point across{-along.y, along.x};
    for (const double sx : {-0.5, 0.5}) {
        for (const double sy : {-0.5, 0.5}) {
            bounds.add({centre.x + along.x * prop.width * sx + across.x * prop.height * sy,
                        centre.y + along.y * prop.width * sx + across.y * prop.height * sy});
        }
    }
    if (prop.kind == core::PropKind::Chair)
        bounds.add({prop.at.x, prop.at.y + prop.height * (1 + chair_back_share)});
    if (prop.kind == core::PropKind::Table)
        bounds.add({centre.x, 0});
}

/// The visible area, in picture coordinates (y up), with the card's aspect ratio.
struct Frame {
    double x = 0;
    double y = 0; ///< Bottom edge.
    double width = 0;
    double height = 0;
};

Frame frame_of(const core::Picture& picture, const Tracks& tracks, const Timeline& timeline) {
    Bounds bounds;
    const auto view = picture.view;
    for (std::size_t f = 0; f + 1 < timeline.frames.size(); ++f) {
        for (int s = 0; s < samples_per_move; ++s)
            add_figure(bounds, view,
                       between(tracks, timeline.frames[f], timeline.frames[f + 1],
                               static_cast<double>(s) / samples_per_move));
    }
    for (const auto& prop : picture.props)
        add_prop(bounds, prop);
    const bool has_floor = picture.floor;
    if (has_floor)
        bounds.add({bounds.min_x, 0});
    const double margin =
        std::max(min_margin_cm,
                 margin_share * std::max(bounds.max_x - bounds.min_x, bounds.max_y - bounds.min_y));
    Frame frame{.x = bounds.min_x - margin,
                .y = has_floor ? -below_floor_cm : bounds.min_y - margin,
                .width = bounds.max_x - bounds.min_x + 2 * margin,
                .height = 0};
    frame.height = bounds.max_y + margin - frame.y;
    // Widen or heighten to the card's shape: sideways about the middle, and upward when there is
    // a floor, so that the floor stays near the bottom edge.
    if (frame.width / frame.height < aspect) {
        const double width = frame.height * aspect;
        frame.x -= (width - frame.width) / 2;
        frame.width = width;
    } else {
        const double height = frame.width / aspect;
        if (!has_floor)
            frame.y -= (height - frame.height) / 2;
        frame.height = height;
    }
    return frame;
}

class Writer {
public:
    Writer(const core::Picture& picture, const Tracks& tracks, const Timeline& timeline)
        : m_picture(picture), m_tracks(tracks), m_timeline(timeline) {}

    void figure(std::string& out) const;
    void props(std::string& out, const Frame& frame) const;
    /// The props drawn over the figure: a bar the hands grip, a strap they hold.
    void front_props(std::string& out, const Frame& frame) const;

private:
    bool moves(const std::vector<double>& track) const;
    std::string animation(std::string_view type, const std::vector<std::string>& values) const;
    void bone(std::string& out, Bone bone, const std::string& indent) const;
    void segment(std::string& out, Bone bone, const std::string& indent) const;

    const core::Picture& m_picture;
    const Tracks& m_tracks;
    const Timeline& m_timeline;
};

bool Writer::moves(const std::vector<double>& track) const {
    // A loop that takes no time (a hand-built picture without timing) is drawn still.
    return m_timeline.total_s > 0 &&
           std::ranges::any_of(track, [&](double value) { return num(value) != num(track[0]); });
}

std::string Writer::animation(std::string_view type, const std::vector<std::string>& values) const {
    std::string joined;
    std::string times;
    std::string splines;
    for (std::size_t f = 0; f < m_timeline.frames.size(); ++f) {
        const auto sep = f == 0 ? "" : ";";
        joined += sep + values[m_timeline.frames[f]];
        times += sep + num(m_timeline.seconds[f] / m_timeline.total_s, 4);
        if (f > 0)
            splines += std::string(f == 1 ? "" : ";") + std::string(ease);
    }
    return "<animateTransform attributeName=\"transform\" type=\"" + std::string(type) +
           "\" values=\"" + joined + "\" keyTimes=\"" + times +
           "\" calcMode=\"spline\" keySplines=\"" + splines + "\" dur=\"" +
           num(m_timeline.total_s, 2) + "s\" repeatCount=\"indefinite\"/>";
}

void Writer::segment(std::string& out, Bone bone, const std::string& indent) const {
    const auto view = m_picture.view;
    const double length = core::bone_length(view, bone);
    const double thickness = core::bone_thickness(view, bone);
    const bool far = view == View::Side && is_far(bone);
    if (length > 0 && thickness > 0) {
        const auto line = [&](std::string_view stroke, std::string_view css, double width) {
            out += indent + "<line x2=\"" + num(length) + "\" class=\"" + std::string(css) +
                   "\" stroke=\"" + std::string(stroke) + "\" stroke-width=\"" + num(width) +
                   "\"/>\n";
        };
        if (is_limb(bone))
            line(card_colour, "cs", thickness + 2 * outline_cm);
        line(far ? far_colour : near_colour, far ? "fs" : "ns", thickness);
    }
    const auto dot = [&](double cx, double cy, double r, bool card) {
        out += indent + "<circle cx=\"" + num(cx) + "\"";
        if (cy != 0)
            out += " cy=\"" + num(cy) + "\"";
        out += " r=\"" + num(r) + "\" class=\"" + (card ? "cf" : "nf") + "\" fill=\"" +
               std::string(card ? card_colour : near_colour) + "\"/>\n";
    };
    if (bone == Bone::Neck) {
        const double centre = length + core::body::head_radius;
        dot(centre, 0, core::body::head_radius + outline_cm, true);
        dot(centre, 0, core::body::head_radius, false);
        if (view != View::Side) {
            // Facing the viewer: two eyes, a little toward the top of the head.
            for (const double side : {-1.0, 1.0})
                dot(centre + 2, 3.6 * side, 1.6, true);
        }
    }
    if (bone == Bone::Face && view == View::Side)
        dot(core::bone_length(view, bone), 0, 1.8, true);
}

void Writer::bone(std::string& out, Bone bone, const std::string& indent) const {
    const auto& track = m_tracks.rotation[core::bone_index(bone)];
    const double attach = core::bone_attach(m_picture.view, bone);
    const std::string at = attach != 0 ? "translate(" + num(attach) + ")" : "";
    const bool animated = moves(track);
    // The groups this bone opens: none when it neither moves nor turns nor sits apart from its
    // parent's start (a hip in the side view).
    std::vector<std::string> opened;
    if (animated) {
        // The animation replaces the group's transform, so the joint's offset gets its own group.
        if (!at.empty())
            opened.push_back("<g transform=\"" + at + "\">");
        std::vector<std::string> values;
        for (const double value : track)
            values.push_back(num(value));
        opened.push_back("<g transform=\"rotate(" + values.front() + ")\">");
        opened.push_back(animation("rotate", values));
    } else {
        std::string transform = at;
        if (num(track.front()) != "0")
            transform += (transform.empty() ? "" : " ") + ("rotate(" + num(track.front()) + ")");
        if (!transform.empty())
            opened.push_back("<g transform=\"" + transform + "\">");
    }
    std::string inner = indent;
    std::size_t groups = 0;
    for (const auto& element : opened) {
        out += inner + element + "\n";
        if (element.starts_with("<g")) {
            inner += "  ";
            ++groups;
        }
    }
    const auto children = children_of(bone);
    for (const auto child : children.behind)
        this->bone(out, child, inner);
    segment(out, bone, inner);
    for (const auto child : children.front)
        this->bone(out, child, inner);
    for (; groups > 0; --groups) {
        inner.resize(inner.size() - 2);
        out += inner + "</g>\n";
    }
}

void Writer::figure(std::string& out) const {
    const auto& pelvis = m_tracks.pelvis;
    const auto place = [](Point p) { return num(p.x) + " " + num(p.y); };
    std::vector<std::string> places;
    for (const auto& p : pelvis)
        places.push_back(place(p));
    const bool travels = std::ranges::any_of(places, [&](const auto& p) { return p != places[0]; });
    out += "    <g transform=\"translate(" + places.front() +
           ")\" stroke-linecap=\"round\" stroke-linejoin=\"round\">\n";
    if (travels)
        out += "      " + animation("translate", places) + "\n";
    bone(out, Bone::Pelvis, "      ");
    out += "    </g>\n";
}

void Writer::props(std::string& out, const Frame& frame) const {
    const auto rect = [&](double x, double y, double w, double h, double r, std::string_view fill,
                          std::string_view stroke = {}, std::string_view css = {}) {
        out += "    <rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) +
               "\" height=\"" + num(h) + "\"";
        if (r > 0)
            out += " rx=\"" + num(r) + "\"";
        if (!css.empty())
            out += " class=\"" + std::string(css) + "\"";
        out += " fill=\"" + std::string(fill) + "\"";
        if (!stroke.empty())
            out += " stroke=\"" + std::string(stroke) + "\" stroke-width=\"1\"";
        out += "/>\n";
    };
    const auto line = [&](Point a, Point b, double width, std::string_view stroke) {
        out += "    <line x1=\"" + num(a.x) + "\" y1=\"" + num(a.y) + "\" x2=\"" + num(b.x) +
               "\" y2=\"" + num(b.y) + "\" stroke=\"" + std::string(stroke) + "\" stroke-width=\"" +
               num(width) + "\" stroke-linecap=\"round\"/>\n";
    };
    if (m_picture.floor) {
        const double inset = frame.height * card_radius_share;
        out += "    <line x1=\"" + num(frame.x + inset) + "\" x2=\"" +
               num(frame.x + frame.width - inset) + "\" class=\"floor\" stroke=\"" +
               std::string(floor_colour) + "\" stroke-width=\"1.5\" stroke-linecap=\"round\"/>\n";
    }
    if (m_picture.props.empty())
        return;
    out += "    <g class=\"props\">\n";
    for (const auto& prop : m_picture.props) {
        const double x = prop.at.x;
        const double y = prop.at.y;
        const double w = prop.width;
        const double h = prop.height;
        switch (prop.kind) {
        case core::PropKind::Mat:
            rect(x, y, w, h, std::min(h / 2, 4.0), "#b9c9dc", {}, "mat");
            break;
        case core::PropKind::Pillow:
            rect(x, y, w, h, std::min(w, h) / 2, "#ecdcb8", "#b9a06c");
            break;
        case core::PropKind::TowelRoll:
            // Seen along its length (a long box, from above) a roll is a tube; seen end on, a
            // spiral of towel.
            if (std::max(w, h) > 1.5 * std::min(w, h)) {
                rect(x, y, w, h, std::min(w, h) / 2, "#e6bf95", "#c4956a");
                break;
            }
            out += "    <ellipse cx=\"" + num(x + w / 2) + "\" cy=\"" + num(y + h / 2) +
                   "\" rx=\"" + num(w / 2) + "\" ry=\"" + num(h / 2) +
                   "\" fill=\"#e6bf95\" stroke=\"#c4956a\" stroke-width=\"1\"/>\n";
            out += "    <ellipse cx=\"" + num(x + w / 2) + "\" cy=\"" + num(y + h / 2) +
                   "\" rx=\"" + num(w / 5) + "\" ry=\"" + num(h / 5) +
                   "\" fill=\"none\" stroke=\"#c4956a\" stroke-width=\"1\"/>\n";
            break;
        case core::PropKind::Chair: {
            constexpr std::string_view wood = "#9a7653";
            const double seat = 4;
            rect(x, y + h - seat, w, seat, 1.5, wood);
            line({x + 2, y + h - seat}, {x + 2, y}, 2.5, wood);
            line({x + w - 2, y + h - seat}, {x + w - 2, y}, 2.5, wood);
            const double back_x = prop.facing == core::Facing::Right ? x + 1.5 : x + w - 1.5;
            const double lean = prop.facing == core::Facing::Right ? -3 : 3;
            line({back_x, y + h}, {back_x + lean, y + h * (1 + chair_back_share)}, 3, wood);
            break;
        }
        case core::PropKind::Wall:
            rect(x, y, w, h, 0, "#dcd5c7", "#c6bca8");
            break;
        case core::PropKind::Bar:
        case core::PropKind::Strap:
            break; // In front of the figure: front_props().
        case core::PropKind::Counter:
            rect(x, y, w, h - 4, 0, "#e0d3bd", "#c9b797");
            rect(x - 3, y + h - 4, w + 6, 4, 1, "#a88f6a");
            break;
        case core::PropKind::Table: {
            const Point centre{x + w / 2, y + h / 2};
            constexpr std::string_view metal = "#6f7b87";
            if (prop.angle == 0) {
                line({x + 8, y}, {x + 8, 0}, 3, metal);
                line({x + w - 8, y}, {x + w - 8, 0}, 3, metal);
            } else {
                line(centre, {centre.x - table_stand_cm, 0}, 3, metal);
                line(centre, {centre.x + table_stand_cm, 0}, 3, metal);
            }
            out += "    <rect x=\"" + num(-w / 2) + "\" y=\"" + num(-h / 2) + "\" width=\"" +
                   num(w) + "\" height=\"" + num(h) + "\" rx=\"" + num(h / 2) +
                   "\" fill=\"#a9bccd\" transform=\"translate(" + num(centre.x) + " " +
                   num(centre.y) + ")" +
                   (prop.angle != 0 ? " rotate(" + num(prop.angle) + ")" : std::string()) +
                   "\"/>\n";
            break;
        }
        }
    }
    out += "    </g>\n";
}

void Writer::front_props(std::string& out, const Frame& frame) const {
    for (const auto& prop : m_picture.props) {
        if (prop.kind == core::PropKind::Bar) {
            // Gripped by the hands, so drawn over them, and fixed to something above: its mount
            // runs up to the top of the picture.
            const Point centre{prop.at.x + prop.width / 2, prop.at.y + prop.height / 2};
            out += "    <line x1=\"" + num(centre.x) + "\" y1=\"" + num(centre.y) + "\" x2=\"" +
                   num(centre.x) + "\" y2=\"" + num(frame.y + frame.height) +
                   "\" class=\"mount\" stroke=\"#8a8f96\" stroke-width=\"3\"/>\n";
            out += "    <circle cx=\"" + num(centre.x) + "\" cy=\"" + num(centre.y) + "\" r=\"" +
                   num(std::min(prop.width, prop.height) / 2) +
                   "\" class=\"bar\" fill=\"#5d636b\"/>\n";
        } else if (prop.kind == core::PropKind::Strap) {
            // From the near hand to the near foot, in the one pose of a still picture.
            const auto skeleton = core::skeleton_of(m_picture.view, m_picture.poses.front());
            const auto hand = skeleton[core::bone_index(Bone::NearForearm)].end;
            const auto foot = skeleton[core::bone_index(Bone::NearFoot)].end;
            out += "    <line x1=\"" + num(hand.x) + "\" y1=\"" + num(hand.y) + "\" x2=\"" +
                   num(foot.x) + "\" y2=\"" + num(foot.y) + "\" stroke=\"" +
                   std::string(strap_colour) +
                   "\" stroke-width=\"2.2\" stroke-linecap=\"round\"/>\n";
        }
    }
}

/// The document for `item` drawn as `picture` (its own, or one of its modifications').
std::string draw(const core::Item& item, const core::Picture& picture) {
    const std::string title_id = "picture-title-" + escape(item.id);
    const std::string desc_id = "picture-desc-" + escape(item.id);
    Frame frame{.x = 0, .y = -below_floor_cm, .width = 160, .height = 120};
    std::optional<Tracks> tracks;
    std::optional<Timeline> timeline;
    if (!picture.poses.empty()) {
        tracks = tracks_of(picture);
        timeline = timeline_of(picture);
        frame = frame_of(picture, *tracks, *timeline);
    }
    // Picture coordinates have y up; the SVG's have y down. The viewBox is in SVG coordinates and
    // everything is drawn inside one group that turns y over.
    const double top = -(frame.y + frame.height);
    std::string out;
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"" + num(frame.x) + " " + num(top) +
           " " + num(frame.width) + " " + num(frame.height) + "\" width=\"" + num(width_px) +
           "\" height=\"" + num(height_px) + "\" role=\"img\" aria-labelledby=\"" + title_id +
           "\" aria-describedby=\"" + desc_id + "\">\n";
    out += "  <title id=\"" + title_id + "\">" + escape(item.name) + "</title>\n";
    out += "  <desc id=\"" + desc_id + "\">" + escape(picture.description) + "</desc>\n";
    out += "  <style>" + std::string(dark_style) + "</style>\n";
    out += "  <rect x=\"" + num(frame.x) + "\" y=\"" + num(top) + "\" width=\"" + num(frame.width) +
           "\" height=\"" + num(frame.height) + "\" rx=\"" + num(frame.height * card_radius_share) +
           "\" class=\"card\" fill=\"" + std::string(card_colour) + "\" stroke=\"" +
           std::string(card_edge_colour) + "\" stroke-width=\"" + num(frame.height / 200) +
           "\"/>\n";
    out += "  <g transform=\"scale(1 -1)\">\n";
    if (tracks) {
        const Writer writer(picture, *tracks, *timeline);
        writer.props(out, frame);
        writer.figure(out);
        writer.front_props(out, frame);
    }
    out += "  </g>\n";
    out += "</svg>\n";
    return out;
}

} // namespace

const core::Picture& picture_of(const core::Item& item, std::string_view modification) {
    const auto found = std::ranges::find(item.modifications, modification, &core::Modification::id);
    if (found != item.modifications.end() && !found->picture.poses.empty())
        return found->picture;
    return item.picture;
}

std::string svg(const core::Item& item) {
    return draw(item, item.picture);
}

std::string svg(const core::Item& item, std::string_view modification) {
    return draw(item, picture_of(item, modification));
}

} // namespace unload::picture

#pragma once

// An exercise's picture as a standalone SVG document: the figure of content/poses/ID.toml drawn
// with rounded strokes on its own light card, with its props and a floor, and for a movement
// animated between its key poses with SMIL (no script), so the same bytes work in an <img>, in a
// browser tab and from `unload exercises show ID --svg`. One small stylesheet repaints it for a
// dark colour scheme; without it the light card stands.

#include <string>
#include <string_view>

#include "core/knowledge.hpp"

namespace unload::picture {

/// The SVG document for `item`'s picture. Pure and deterministic: the same item gives the same
/// bytes. Each bone is a group rotated about its joint, so a movement animates one rotation per
/// joint (and one translation of the pelvis) through its key poses and back, looping forever. An
/// item without a picture gives the empty card with its title.
std::string svg(const core::Item& item);

/// The picture of `item` done with its modification `modification`: that modification's own
/// picture (a `[[variant]]` of the pose file) when it has one, else the item's own.
std::string svg(const core::Item& item, std::string_view modification);

/// Which picture `svg(item, modification)` draws.
const core::Picture& picture_of(const core::Item& item, std::string_view modification);

} // namespace unload::picture

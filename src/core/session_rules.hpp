#pragma once

// The rules of a guided session (clinical.md section 8) as content gives them: timings, the words
// the player speaks and shows, the flare threshold, and what each stop reason does.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.hpp"

namespace unload::core {

/// How far a stop reaches.
enum class StopScope {
    Exercise, ///< This exercise ends now; the session goes on with the next one.
    Session,  ///< The whole session ends.
    Continue, ///< The exercise goes on, adjusted.
};

/// One answer to "stop — this hurts": what the person chose and everything it does.
struct StopReason {
    std::string id;    ///< `sharp_pain`, `spreading_leg_symptoms`, ...
    std::string label; ///< What the person picks from, in a few words.
    std::string text;  ///< What to do now, in plain words, true whatever was playing.
    /// Said after `text` only when an exercise was in play; `{name}` is replaced by its name.
    std::string exercise_text;
    StopScope scope = StopScope::Exercise;
    bool rest_position = false;        ///< A rest-position step follows the stop.
    bool skip_rest_of_session = false; ///< The exercise is not offered again this session.
    bool suspend_exercise = false;     ///< The exercise is suspended until the next review...
    int suspend_after_sessions = 1;    ///< ...once this many sessions in a row stopped on it.
    std::vector<ItemId> suspend_items; ///< Items suspended until review whatever was playing.
    std::vector<AdviceId> advice;
    bool rescreen = false;      ///< Ask the warning signs again before anything else.
    bool smaller_range = false; ///< The rest of the exercise uses a smaller range...
    bool low_dose = false;      ///< ...and the low end of its dose.
    std::vector<std::string> sources;
};

/// The words of the player, kept in content so they can be reviewed and translated. Titles are a
/// few words; the `_text` fields and `rest_position` are full sentences.
struct SessionWords {
    std::string get_ready;      ///< Title of the countdown before the first exercise.
    std::string get_ready_text; ///< `{name}` is replaced by the first exercise's name.
    std::string get_into_position;
    std::string hold;
    std::string repetition; ///< Title of a paced repetition; `{n}` and `{of}` are replaced.
    std::string switch_sides;
    std::string switch_sides_text;
    std::string rest;
    std::string rest_text;
    std::string finish_hold;
    std::string finish_hold_text;
    std::string rest_position_title;
    std::string rest_position; ///< What to do in the rest position after a stop.
    std::string breathe_in;
    std::string breathe_out;
    std::string left;
    std::string right;
    std::string low_dose;      ///< Said when a flare made this session gentler.
    std::string smaller_range; ///< Said on a movement when mild discomfort made it smaller.
    std::string easier_hold;   ///< Said on a held position when mild discomfort eased it.
    std::string done;
};

struct SessionRules {
    int get_ready_s = 10;
    int rest_position_s = 30;
    int breath_in_s = 4;
    int breath_out_s = 6;
    int flare_margin = 2; ///< Pain after > pain before + margin is a flare.
    std::string flare_text;
    SessionWords words;
    std::vector<StopReason> stop_reasons; ///< In the order the player offers them.
    std::vector<std::string> sources;     ///< For the timings, the words and the flare rule.

    const StopReason* find_stop_reason(std::string_view id) const {
        for (const auto& reason : stop_reasons) {
            if (reason.id == id)
                return &reason;
        }
        return nullptr;
    }
};

std::string_view to_string(StopScope scope);
std::optional<StopScope> parse_stop_scope(std::string_view text);

} // namespace unload::core

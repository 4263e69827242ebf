#include "json/reasons.hpp"

#include "core/reasons.hpp"

namespace unload::json {

nlohmann::json reasons_document(const core::KnowledgeBase& kb) {
    auto reasons = nlohmann::json::object();
    for (const auto& explanation : core::glossary(kb)) {
        nlohmann::json entry = {{"id", explanation.id},
                                {"kind", core::to_string(explanation.kind)},
                                {"text", explanation.text}};
        if (!explanation.detail.empty())
            entry["detail"] = explanation.detail;
        reasons[explanation.id] = std::move(entry);
    }
    return {{"reasons", std::move(reasons)},
            {"program",
             {{"walking_text", kb.program.walking_text},
              {"desk_break_text", kb.program.desk_break_text}}}};
}

} // namespace unload::json

#include "service/care.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>
#include <sodium.h>

#include "service/audit.hpp"
#include "service/people.hpp"
#include "service/sign_in.hpp"

namespace unload::service {

namespace {

/// Crockford's base 32: no I, L, O or U, so a code read aloud or copied by hand survives.
constexpr std::string_view code_alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::size_t code_characters = 12; // 60 bits

bool is_clinician(const core::Actor& actor) {
    return actor.kind == core::Actor::Kind::Account && actor.role == core::Role::Clinician &&
           actor.account;
}

bool is_person(const core::Actor& actor) {
    return actor.kind == core::Actor::Kind::Account && actor.person && actor.account;
}

/// A code as typed, in the form its digest is taken of: capitals, no dashes or spaces.
std::string normalised_code(std::string_view code) {
    std::string out;
    for (const char c : code) {
        if (c == '-' || c == ' ')
            continue;
        out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    }
    return out;
}

std::string new_code() {
    [[maybe_unused]] static const int sodium = sodium_init();
    std::string code;
    for (std::size_t i = 0; i < code_characters; ++i) {
        if (i > 0 && i % 4 == 0)
            code.push_back('-');
        code.push_back(
            code_alphabet[randombytes_uniform(static_cast<std::uint32_t>(code_alphabet.size()))]);
    }
    return code;
}

std::string code_digest(std::string_view code) {
    return secret_digest("invitation:" + normalised_code(code));
}

} // namespace

core::Result<core::PersonEntry> register_person(const Resources& res, const core::Actor& actor,
                                                std::string_view name) {
    if (!is_clinician(actor)) {
        TRY(refuse(res, actor, "people", "only a clinician registers people in their care"));
    }
    const auto person = TRY(add_person(res, core::Actor::host_operator("registration"), name));
    TRY(res.storage.directory().add_care_link(*actor.account, person.id,
                                              core::CareOrigin::Registered, res.clock.now()));
    TRY(audit(res, actor, "create", person.id, "care_link"));
    return person;
}

core::Result<IssuedInvitation> invite(const Resources& res, const core::Actor& actor) {
    if (!is_clinician(actor)) {
        TRY(refuse(res, actor, "invitations", "only a clinician invites people"));
    }
    const auto now = res.clock.now();
    IssuedInvitation issued{.code = new_code(), .expires_at = now + invitation_lifetime};
    TRY(res.storage.directory().add_invitation(code_digest(issued.code), *actor.account, now,
                                               issued.expires_at));
    TRY(audit(res, actor, "create", std::nullopt, "invitation"));
    return issued;
}

core::Result<std::vector<core::Invitation>> pending_invitations(const Resources& res,
                                                                const core::Actor& actor) {
    if (!is_clinician(actor)) {
        TRY(refuse(res, actor, "invitations", "only a clinician has invitations"));
    }
    return res.storage.directory().pending_invitations(*actor.account, res.clock.now());
}

core::Result<core::CareLink> join_care(const Resources& res, const core::Actor& actor,
                                       std::string_view code) {
    if (!is_person(actor)) {
        TRY(refuse(res, actor, "care_link", "only an account with a record joins a clinician"));
    }
    if (normalised_code(code).empty())
        return core::fail(core::ErrorCode::InvalidInput, "code",
                          "enter the code your clinician gave you, such as ABCD-EFGH-JKMN");
    auto& directory = res.storage.directory();
    const auto now = res.clock.now();
    const auto clinician = TRY(directory.use_invitation(code_digest(code), now));
    if (!clinician) {
        TRY(audit(res, actor, "create", actor.person, "care_link", "not_found"));
        return core::fail(core::ErrorCode::NotFound, "code",
                          "this code is unknown, was used already or has expired; ask your "
                          "clinician for a new one");
    }
    TRY(directory.add_care_link(*clinician, *actor.person, core::CareOrigin::Invitation, now));
    TRY(audit(res, actor, "create", actor.person, "care_link"));
    const auto links = TRY(directory.care_links_of_person(*actor.person));
    const auto found = std::ranges::find(links, *clinician, &core::CareLink::clinician);
    if (found == links.end())
        return core::fail(core::ErrorCode::Internal, "code", "the care link was not stored");
    return *found;
}

core::Result<std::vector<core::CareLink>> people_in_care(const Resources& res,
                                                         const core::Actor& actor) {
    if (!is_clinician(actor)) {
        TRY(refuse(res, actor, "people", "only a clinician has people in their care"));
    }
    return res.storage.directory().care_links_of_clinician(*actor.account);
}

core::Result<std::vector<core::CareLink>> care_links(const Resources& res,
                                                     const core::Actor& actor) {
    if (is_clinician(actor))
        return res.storage.directory().care_links_of_clinician(*actor.account);
    if (is_person(actor))
        return res.storage.directory().care_links_of_person(*actor.person);
    TRY(refuse(res, actor, "care_link", "only clinicians and people have care links"));
    return std::vector<core::CareLink>{};
}

core::Result<void> end_care(const Resources& res, const core::Actor& actor, core::RecordId other) {
    auto& directory = res.storage.directory();
    if (is_clinician(actor)) {
        TRY(directory.end_care_link(*actor.account, other));
        return audit(res, actor, "delete", other, "care_link");
    }
    if (is_person(actor)) {
        if (auto ended = directory.end_care_link(other, *actor.person); !ended) {
            // Only a missing link is "no such clinician"; a store that failed says so.
            if (ended.error().code != core::ErrorCode::NotFound)
                return std::unexpected(ended.error());
            return core::fail(core::ErrorCode::NotFound, "clinician",
                              "no such clinician looks after you");
        }
        return audit(res, actor, "delete", actor.person, "care_link");
    }
    return refuse(res, actor, "care_link", "only clinicians and people end care links");
}

} // namespace unload::service

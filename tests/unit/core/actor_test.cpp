// Whose record a caller reaches (clinic.md): every kind of caller and role against their own
// record, a record in their care and one outside it, with the error each refusal must carry.

#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "core/actor.hpp"

namespace unload::core {
namespace {

Actor account(Role role, std::optional<PersonId> person) {
    return {.kind = Actor::Kind::Account,
            .name = "someone",
            .role = role,
            .account = 7,
            .person = person};
}

/// A personal-mode caller once the service knows the database's one person.
Actor personal(PersonId person) {
    auto actor = Actor::personal();
    actor.person = person;
    return actor;
}

struct AccessCase {
    const char* name;
    Actor actor;
    PersonId person = 1;
    bool in_care = false;
    std::optional<ErrorCode> refused; ///< Empty when the access is allowed.
};

class RecordAccess : public testing::TestWithParam<AccessCase> {};

TEST_P(RecordAccess, FollowsTheRoles) {
    const auto& c = GetParam();
    const auto checked = check_record_access(c.actor, c.person, c.in_care);
    if (!c.refused) {
        EXPECT_TRUE(checked) << checked.error().to_string();
        return;
    }
    ASSERT_FALSE(checked);
    EXPECT_EQ(checked.error().code, *c.refused) << checked.error().to_string();
}

INSTANTIATE_TEST_SUITE_P(
    All, RecordAccess,
    testing::Values(
        AccessCase{
            .name = "nobody", .actor = Actor::nobody(), .refused = ErrorCode::Unauthenticated},
        AccessCase{.name = "personal_mode_own_record", .actor = personal(1)},
        AccessCase{.name = "personal_mode_another_person",
                   .actor = personal(1),
                   .person = 2,
                   .refused = ErrorCode::NotFound},
        AccessCase{.name = "personal_mode_before_the_person_is_known",
                   .actor = Actor::personal(),
                   .refused = ErrorCode::NotFound},
        AccessCase{.name = "token_holder_another_person",
                   .actor = Actor::token_holder(),
                   .person = 2,
                   .refused = ErrorCode::NotFound},
        AccessCase{
            .name = "host_operator_any_person", .actor = Actor::host_operator("ana"), .person = 42},
        AccessCase{.name = "person_own_record", .actor = account(Role::Person, 3), .person = 3},
        AccessCase{.name = "person_someone_else",
                   .actor = account(Role::Person, 3),
                   .person = 4,
                   .in_care = true,
                   .refused = ErrorCode::NotFound},
        AccessCase{.name = "person_without_a_record",
                   .actor = account(Role::Person, std::nullopt),
                   .refused = ErrorCode::NotFound},
        AccessCase{.name = "clinician_in_care",
                   .actor = account(Role::Clinician, std::nullopt),
                   .person = 5,
                   .in_care = true},
        AccessCase{.name = "clinician_outside_care_is_not_told_it_exists",
                   .actor = account(Role::Clinician, std::nullopt),
                   .person = 5,
                   .refused = ErrorCode::NotFound},
        AccessCase{.name = "admin_is_forbidden_records",
                   .actor = account(Role::Admin, std::nullopt),
                   .person = 5,
                   .in_care = true,
                   .refused = ErrorCode::Forbidden},
        AccessCase{
            .name = "admin_own_record_as_a_person", .actor = account(Role::Admin, 6), .person = 6}),
    [](const testing::TestParamInfo<AccessCase>& param) { return std::string(param.param.name); });

} // namespace
} // namespace unload::core

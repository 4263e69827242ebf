#include "service/accounts.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <sodium.h>

#include "service/audit.hpp"
#include "service/checks.hpp"
#include "service/sign_in.hpp"

namespace unload::service {

namespace {

/// libsodium must be initialised once before use; sodium_init() is thread-safe and idempotent.
void init_sodium() {
    [[maybe_unused]] static const int sodium = sodium_init();
}

std::size_t characters(std::string_view text) {
    return static_cast<std::size_t>(std::ranges::count_if(
        text, [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

core::Result<void> check_manager(const Resources& res, const core::Actor& actor,
                                 std::string_view resource) {
    if (manages_accounts(actor))
        return {};
    return refuse(res, actor, resource, "only an admin or the host operator manages accounts");
}

core::Result<core::Account> named_account(const Resources& res, std::string_view username) {
    const auto name = TRY(clean_username(username, "username"));
    auto found = TRY(res.storage.directory().account_named(name));
    if (!found)
        return core::fail(core::ErrorCode::NotFound, "username",
                          fmt::format("no account is named {}", name));
    return *found;
}

} // namespace

core::Result<bool> clinic_mode(const Resources& res) {
    return res.storage.directory().has_accounts();
}

bool manages_accounts(const core::Actor& actor) {
    return actor.kind == core::Actor::Kind::HostOperator ||
           (actor.kind == core::Actor::Kind::Account && actor.role == core::Role::Admin) ||
           (actor.kind == core::Actor::Kind::TokenHolder && actor.role == core::Role::Admin);
}

core::Result<std::string> clean_username(std::string_view username, std::string field) {
    if (username.empty())
        return invalid(std::move(field), "give the account a name");
    if (username.size() > max_username)
        return invalid(std::move(field),
                       fmt::format("too long: at most {} characters", max_username));
    std::string name;
    for (const char c : username) {
        const char small = lower(c);
        const bool allowed = (small >= 'a' && small <= 'z') || (small >= '0' && small <= '9') ||
                             small == '.' || small == '_' || small == '-';
        if (!allowed)
            return invalid(std::move(field),
                           "use small letters, digits, `.`, `_` and `-` only (e.g. ana.silva)");
        name.push_back(small);
    }
    if (name.front() == '.' || name.front() == '_' || name.front() == '-')
        return invalid(std::move(field), "start with a letter or a digit");
    return name;
}

core::Result<void> check_password(std::string_view password, std::string_view username) {
    TRY(check_utf8(password, "password"));
    if (password.size() > max_password_bytes)
        return invalid("password", fmt::format("too long: at most {} bytes", max_password_bytes));
    if (characters(password) < min_password_characters)
        return invalid("password", fmt::format("too short: use at least {} characters; a few "
                                               "words you will remember are best",
                                               min_password_characters));
    std::string lowered(password);
    std::ranges::transform(lowered, lowered.begin(), lower);
    if (lowered == username)
        return invalid("password", "must not be the account's name");
    return {};
}

core::Result<std::string> hash_password(std::string_view password) {
    init_sodium();
    std::string hash(crypto_pwhash_STRBYTES, '\0');
    if (crypto_pwhash_str(hash.data(), password.data(), password.size(),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return core::fail(core::ErrorCode::Internal, "password",
                          "not enough memory to hash the password");
    hash.resize(hash.find('\0'));
    return hash;
}

bool password_matches(std::string_view password, const std::string& hash) {
    init_sodium();
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

core::Result<core::Account> add_account(const Resources& res, const core::Actor& actor,
                                        NewAccount account) {
    TRY(check_manager(res, actor, "accounts"));
    const auto name = TRY(clean_username(account.username, "username"));
    TRY(check_password(account.password, name));
    auto& directory = res.storage.directory();
    if (TRY(directory.account_named(name)))
        return core::fail(core::ErrorCode::Conflict, "username",
                          fmt::format("an account named {} exists", name));
    if (account.person) {
        if (!TRY(directory.person(*account.person)))
            return core::fail(core::ErrorCode::NotFound, "person",
                              fmt::format("no person {} is stored", *account.person));
        const auto everyone = TRY(directory.accounts());
        if (std::ranges::any_of(everyone, [&](const core::Account& other) {
                return other.person == account.person;
            }))
            return core::fail(core::ErrorCode::Conflict, "person",
                              fmt::format("person {} already has an account", *account.person));
    }
    // Hashed first, so that a failure here leaves no empty person behind.
    auto hash = TRY(hash_password(account.password));
    if (!account.person && account.role == core::Role::Person)
        account.person = TRY(directory.add_person(name, res.clock.now()));
    core::Account stored{.id = 0,
                         .username = name,
                         .role = account.role,
                         .person = account.person,
                         .password_hash = std::move(hash),
                         .disabled = false,
                         .created_at = res.clock.now()};
    stored.id = TRY(directory.add_account(stored));
    TRY(audit(res, actor, "create", stored.person, "account:" + stored.username));
    return stored;
}

core::Result<std::vector<core::Account>> accounts(const Resources& res, const core::Actor& actor) {
    TRY(check_manager(res, actor, "accounts"));
    auto everyone = TRY(res.storage.directory().accounts());
    TRY(audit(res, actor, "read", std::nullopt, "accounts"));
    return everyone;
}

core::Result<core::Account> set_account_enabled(const Resources& res, const core::Actor& actor,
                                                std::string_view username, bool enabled) {
    TRY(check_manager(res, actor, "accounts"));
    auto account = TRY(named_account(res, username));
    TRY(res.storage.directory().set_disabled(account.id, !enabled));
    if (enabled)
        TRY(lift_sign_in_lock(res, account.username));
    account.disabled = !enabled;
    TRY(audit(res, actor, enabled ? "enable" : "disable", account.person,
              "account:" + account.username));
    return account;
}

core::Result<core::Account> set_password(const Resources& res, const core::Actor& actor,
                                         std::string_view username, std::string_view password) {
    TRY(check_manager(res, actor, "accounts"));
    auto account = TRY(named_account(res, username));
    TRY(check_password(password, account.username));
    account.password_hash = TRY(hash_password(password));
    TRY(res.storage.directory().set_password_hash(account.id, account.password_hash, true));
    TRY(audit(res, actor, "update", account.person, "account:" + account.username + ":password"));
    return account;
}

} // namespace unload::service

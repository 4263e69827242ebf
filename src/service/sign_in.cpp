#include "service/sign_in.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>
#include <sodium.h>

#include "service/accounts.hpp"
#include "service/audit.hpp"

namespace unload::service {

namespace {

using namespace std::chrono_literals;

/// A session's last request is written down at most this often, so that a busy page does not
/// turn every read into a write.
constexpr std::chrono::seconds touch_interval = 60s;
/// The longest wait between two tries before the lock.
constexpr std::chrono::seconds longest_delay = 60s;

void init_sodium() {
    [[maybe_unused]] static const int sodium = sodium_init();
}

core::Actor with_origin(core::Actor actor, const Credentials& credentials) {
    actor.address = credentials.address;
    actor.request_id = credentials.request_id;
    return actor;
}

core::Actor account_actor(const core::Account& account) {
    return {.kind = core::Actor::Kind::Account,
            .name = account.username,
            .role = account.role,
            .account = account.id,
            .person = account.person};
}

std::string lowered(std::string_view text) {
    std::string out(text);
    std::ranges::transform(out, out.begin(), [](char c) {
        return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    });
    return out;
}

/// What a guessing name or address is counted under.
std::string name_subject(std::string_view username) {
    return secret_digest("account:" + lowered(username));
}
std::string address_subject(std::string_view address) {
    return secret_digest("address:" + std::string(address));
}

/// Throttled while `subject` must wait after its recent failures: 1 s after one, doubling with
/// each to at most a minute, and locked for the window after lock_after of them.
core::Result<void> check_throttle(const Resources& res, const std::string& subject,
                                  core::Timestamp now) {
    const auto failures = TRY(res.storage.directory().failures(subject, now - failure_window));
    if (failures.empty())
        return {};
    const auto count = static_cast<int>(failures.size());
    if (count >= lock_after) {
        const auto until = failures[failures.size() - lock_after] + failure_window;
        const auto minutes = std::chrono::ceil<std::chrono::minutes>(until - now).count();
        return core::fail(core::ErrorCode::Throttled, "username",
                          fmt::format("too many failed sign-ins: signing in is locked for {} more "
                                      "minute{}, or until an admin lifts the lock",
                                      minutes, minutes == 1 ? "" : "s"));
    }
    const auto delay =
        std::min<std::chrono::seconds>(std::chrono::seconds(1LL << (count - 1)), longest_delay);
    const auto until = failures.back() + delay;
    if (now < until) {
        const auto seconds = (until - now).count();
        return core::fail(
            core::ErrorCode::Throttled, "username",
            fmt::format("wait {} second{} before trying again", seconds, seconds == 1 ? "" : "s"));
    }
    return {};
}

/// What an unknown name's password is checked against, so that it takes as long as a known one.
const std::string& stand_in_hash() {
    static const std::string hash = [] {
        auto made = hash_password("a password no account has");
        return made ? *made : std::string();
    }();
    return hash;
}

core::Error wrong_sign_in() {
    return core::Error{.code = core::ErrorCode::Unauthenticated,
                       .field = "username",
                       .message = "that name and password do not match an account that may sign "
                                  "in; check both and try again"};
}

} // namespace

SessionLifetime session_lifetime(core::Role role) {
    if (role == core::Role::Person)
        return {.idle = std::chrono::days(30), .absolute = std::chrono::days(90)};
    return {.idle = std::chrono::minutes(30), .absolute = std::chrono::hours(12)};
}

std::string secret_digest(std::string_view secret) {
    init_sodium();
    std::array<unsigned char, crypto_generichash_BYTES> digest{};
    crypto_generichash(digest.data(), digest.size(),
                       reinterpret_cast<const unsigned char*>(secret.data()), secret.size(),
                       nullptr, 0);
    std::string hex(digest.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    hex.pop_back();
    return hex;
}

std::string random_token(std::size_t bytes) {
    init_sodium();
    std::string raw(bytes, '\0');
    randombytes_buf(raw.data(), raw.size());
    std::string text(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                     '\0');
    sodium_bin2base64(text.data(), text.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                      raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    text.resize(text.find('\0'));
    return text;
}

core::Result<core::Actor> identify(const Resources& res, const Credentials& credentials) {
    auto& directory = res.storage.directory();
    const auto now = res.clock.now();
    if (!credentials.session_token.empty()) {
        const auto digest = secret_digest(credentials.session_token);
        if (const auto session = TRY(directory.session(digest))) {
            const auto account = TRY(directory.account(session->account));
            if (account && !account->disabled) {
                const auto lifetime = session_lifetime(account->role);
                if (now - session->last_seen_at <= lifetime.idle &&
                    now - session->created_at <= lifetime.absolute) {
                    if (now - session->last_seen_at >= touch_interval)
                        TRY(directory.touch_session(digest, now));
                    return with_origin(account_actor(*account), credentials);
                }
            }
            TRY(directory.end_session(digest));
        }
    }
    const bool clinic = TRY(directory.has_accounts());
    switch (credentials.channel) {
    case Credentials::Channel::Token: {
        // In a clinic the access token is an admin's, for scripts: it manages accounts and reads
        // the audit trail, and opens no record.
        auto holder = core::Actor::token_holder();
        if (clinic)
            holder.role = core::Role::Admin;
        return with_origin(std::move(holder), credentials);
    }
    case Credentials::Channel::Loopback:
        return with_origin(clinic ? core::Actor::nobody() : core::Actor::personal(), credentials);
    case Credentials::Channel::None:
        break;
    }
    return with_origin(core::Actor::nobody(), credentials);
}

core::Result<SignedIn> sign_in(const Resources& res, const Credentials& credentials,
                               std::string_view username, std::string_view password) {
    auto& directory = res.storage.directory();
    const auto now = res.clock.now();
    const auto by_name = name_subject(username);
    const auto by_address = address_subject(credentials.address);
    TRY(check_throttle(res, by_name, now));
    TRY(check_throttle(res, by_address, now));

    std::optional<core::Account> account;
    if (const auto name = clean_username(username, "username"))
        account = TRY(directory.account_named(*name));
    // The hash is checked whether or not the account exists, so both answers take as long.
    const auto& hash = account ? account->password_hash : stand_in_hash();
    const bool matches =
        password_matches(password.substr(0, max_password_bytes), hash) && !hash.empty();
    if (!account || !matches || account->disabled || password.size() > max_password_bytes) {
        TRY(directory.add_failure(by_name, now, now - failure_window));
        TRY(directory.add_failure(by_address, now, now - failure_window));
        auto attempt = with_origin(core::Actor::nobody(), credentials);
        attempt.account = account ? std::optional(account->id) : std::nullopt;
        TRY(audit(res, attempt, "login_failed", std::nullopt, "session", "unauthorized"));
        return std::unexpected(wrong_sign_in());
    }

    TRY(directory.clear_failures(by_name));
    init_sodium();
    if (crypto_pwhash_str_needs_rehash(account->password_hash.c_str(),
                                       crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                       crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        account->password_hash = TRY(hash_password(password));
        TRY(directory.set_password_hash(account->id, account->password_hash, false));
    }
    SignedIn signed_in{.account = *account,
                       .token = random_token(16),
                       .lifetime = session_lifetime(account->role)};
    TRY(directory.add_session({.token_digest = secret_digest(signed_in.token),
                               .account = account->id,
                               .created_at = now,
                               .last_seen_at = now}));
    TRY(audit(res, with_origin(account_actor(*account), credentials), "login", std::nullopt,
              "session"));
    return signed_in;
}

core::Result<void> sign_out(const Resources& res, const Credentials& credentials) {
    if (credentials.session_token.empty())
        return {};
    const auto actor = TRY(identify(res, credentials));
    TRY(res.storage.directory().end_session(secret_digest(credentials.session_token)));
    if (actor.kind == core::Actor::Kind::Account)
        TRY(audit(res, actor, "logout", std::nullopt, "session"));
    return {};
}

core::Result<core::Account> signed_in_account(const Resources& res, const core::Actor& actor) {
    if (actor.kind == core::Actor::Kind::Account && actor.account)
        if (auto account = TRY(res.storage.directory().account(*actor.account)))
            return *account;
    return core::fail(core::ErrorCode::Unauthenticated, "Authorization", "sign in first");
}

core::Result<void> lift_sign_in_lock(const Resources& res, std::string_view username) {
    return res.storage.directory().clear_failures(name_subject(username));
}

} // namespace unload::service

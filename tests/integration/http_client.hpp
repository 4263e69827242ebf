#pragma once

// A deliberately small HTTP/1.1 client over POSIX sockets for the integration tests: raw bytes
// out, responses parsed back (status, headers, Content-Length body). Written by hand rather than
// with Beast so that the tests exercise the server from the outside, byte for byte, including
// requests no well-behaved client library would send.

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace unload::test {

struct Reply {
    int status = 0;
    std::map<std::string, std::string> headers; ///< Names lower-cased.
    std::string body;

    std::string header(const std::string& name) const {
        const auto found = headers.find(name);
        return found == headers.end() ? std::string() : found->second;
    }
};

class Connection {
public:
    explicit Connection(std::uint16_t port) {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
            ::close(m_fd);
            m_fd = -1;
        }
    }
    ~Connection() {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    bool connected() const { return m_fd >= 0; }

    bool send(std::string_view bytes) {
        while (!bytes.empty()) {
            const auto sent = ::send(m_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
            if (sent <= 0)
                return false;
            bytes.remove_prefix(static_cast<std::size_t>(sent));
        }
        return true;
    }

    /// Reads one response; empty when the server closed the connection first. A response to
    /// HEAD has no body whatever its Content-Length says.
    std::optional<Reply> receive(bool head = false) {
        std::size_t header_end = 0;
        while ((header_end = m_buffer.find("\r\n\r\n")) == std::string::npos)
            if (!fill())
                return std::nullopt;
        Reply reply;
        const std::string head_text = m_buffer.substr(0, header_end);
        std::size_t line_end = head_text.find("\r\n");
        const std::string status_line = head_text.substr(0, line_end);
        reply.status = std::stoi(status_line.substr(9, 3));
        while (line_end != std::string::npos && line_end < head_text.size()) {
            const auto next = head_text.find("\r\n", line_end + 2);
            const auto line = head_text.substr(
                line_end + 2, next == std::string::npos ? std::string::npos : next - line_end - 2);
            const auto colon = line.find(':');
            if (colon != std::string::npos) {
                std::string name = line.substr(0, colon);
                for (auto& c : name)
                    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                auto value = line.substr(colon + 1);
                while (!value.empty() && value.front() == ' ')
                    value.erase(0, 1);
                reply.headers[name] = value;
            }
            line_end = next;
        }
        m_buffer.erase(0, header_end + 4);
        const auto length_text = reply.header("content-length");
        const std::size_t length =
            head || length_text.empty() ? 0 : static_cast<std::size_t>(std::stoul(length_text));
        while (m_buffer.size() < length)
            if (!fill())
                return std::nullopt;
        reply.body = m_buffer.substr(0, length);
        m_buffer.erase(0, length);
        return reply;
    }

    /// Whether the server sends something (or closes) within `wait`, without reading it.
    bool answers_within(std::chrono::milliseconds wait) {
        if (!m_buffer.empty())
            return true;
        pollfd ready{.fd = m_fd, .events = POLLIN, .revents = 0};
        return ::poll(&ready, 1, static_cast<int>(wait.count())) > 0;
    }

    /// True when the server has closed its side (reads end of stream).
    bool closed_by_server() {
        char byte = 0;
        return ::recv(m_fd, &byte, 1, 0) == 0;
    }

private:
    bool fill() {
        char chunk[16384];
        const auto got = ::recv(m_fd, chunk, sizeof chunk, 0);
        if (got <= 0)
            return false;
        m_buffer.append(chunk, static_cast<std::size_t>(got));
        return true;
    }

    int m_fd = -1;
    std::string m_buffer;
};

/// A request's text with the usual headers; `extra` lines end with CRLF each.
inline std::string request_text(std::string_view method, std::string_view target,
                                std::string_view body = {}, std::string_view extra = {}) {
    std::string text = std::string(method) + " " + std::string(target) +
                       " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + std::string(extra);
    if (!body.empty() || method == "POST" || method == "PUT" || method == "DELETE")
        text += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    return text + "\r\n" + std::string(body);
}

} // namespace unload::test

#pragma once
// What the relay's Beast files share: the namespace aliases of Beast's examples, the loop's clock,
// a frame shared by every connection it is sent to.
#include <utility>  // before Asio: Boost 1.74's awaitable.hpp uses std::exchange unincluded

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include <chrono>
#include <memory>
#include <string>

namespace palabre::relay {

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;
using Frame = std::shared_ptr<const std::string>;

}  // namespace palabre::relay

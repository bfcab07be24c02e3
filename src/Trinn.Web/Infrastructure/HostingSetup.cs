using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Trinn.Web.Infrastructure;

/// <summary>The <c>App</c> section: where users reach Trinn.</summary>
public sealed class AppOptions
{
    public const string SectionName = "App";

    /// <summary>
    /// The address users type, e.g. <c>https://trinn.nav.no</c> (a path is allowed, no query). Every absolute link Trinn
    /// hands out (password reset, calendar feed) is built from it, never from the request's Host header. Required
    /// outside Development and Testing.
    /// </summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary>The <c>ReverseProxy</c> section: which proxies may tell Trinn the client's address and scheme.</summary>
public sealed class ReverseProxyOptions
{
    public const string SectionName = "ReverseProxy";

    /// <summary>Addresses of proxies whose <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c> are believed, e.g. <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row may each add an entry (1: one load balancer in front).</summary>
    public int ForwardLimit { get; set; } = 1;
}

/// <summary>
/// Running behind a reverse proxy (docs/adr/sign-in-and-sessions.md): forwarded headers only from configured proxies,
/// host filtering outside development, and absolute links from <see cref="AppOptions.PublicBaseUrl"/>. A wrong setting
/// stops the start with a message that names it.
/// </summary>
internal static class HostingSetup
{
    public static WebApplicationBuilder AddTrinnHosting(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        var env = builder.Environment;
        var app = builder.Configuration.GetSection(AppOptions.SectionName).Get<AppOptions>() ?? new AppOptions();
        var proxy = builder.Configuration.GetSection(ReverseProxyOptions.SectionName).Get<ReverseProxyOptions>() ?? new ReverseProxyOptions();
        var problems = Validate(app, proxy, env);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Trinn's hosting settings are wrong: " + string.Join("; ", problems));
        }

        builder.Services.Configure<AppOptions>(builder.Configuration.GetSection(AppOptions.SectionName));
        builder.Services.AddSingleton<PublicUrls>();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = proxy.ForwardLimit;
            // Nothing is trusted by default, not even loopback: only what the setting names.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var address in proxy.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(address));
            }

            foreach (var network in proxy.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        if (!IsLocal(env) && PublicUrls.Parse(app.PublicBaseUrl) is { } publicBase)
        {
            // "*" (appsettings.json's development default) or nothing means: only the public host.
            builder.Services.PostConfigure<HostFilteringOptions>(o =>
            {
                if (o.AllowedHosts.Count == 0 || o.AllowedHosts.Contains("*"))
                {
                    o.AllowedHosts = [publicBase.Host];
                }
            });
        }

        return builder;
    }

    /// <summary>Development and the test suites run without a public address and accept any host.</summary>
    public static bool IsLocal(IHostEnvironment env) => env.IsDevelopment() || env.IsEnvironment("Testing");

    public static List<string> Validate(AppOptions app, ReverseProxyOptions proxy, IHostEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(proxy);
        ArgumentNullException.ThrowIfNull(env);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(app.PublicBaseUrl))
        {
            if (!IsLocal(env))
            {
                problems.Add("App:PublicBaseUrl is required outside Development and Testing (e.g. https://trinn.example.no)");
            }
        }
        else if (PublicUrls.Parse(app.PublicBaseUrl) is not { } parsed)
        {
            problems.Add("App:PublicBaseUrl must be an absolute http(s) URL without query or fragment");
        }
        else if (parsed.Scheme != Uri.UriSchemeHttps && !SecuritySetup.AllowsPlainHttp(env))
        {
            problems.Add("App:PublicBaseUrl must use https outside development, demo and tests");
        }

        foreach (var address in proxy.KnownProxies)
        {
            if (!IPAddress.TryParse(address, out _))
            {
                problems.Add($"ReverseProxy:KnownProxies: '{address}' is not an IP address");
            }
        }

        foreach (var network in proxy.KnownNetworks)
        {
            if (!System.Net.IPNetwork.TryParse(network, out _))
            {
                problems.Add($"ReverseProxy:KnownNetworks: '{network}' is not a network in CIDR notation (e.g. 10.0.0.0/24)");
            }
        }

        if (proxy.ForwardLimit is < 1 or > 10)
        {
            problems.Add("ReverseProxy:ForwardLimit must be between 1 and 10");
        }

        return problems;
    }
}

/// <summary>Absolute links for users: from <see cref="AppOptions.PublicBaseUrl"/>, or in development and tests from the request.</summary>
public sealed class PublicUrls(IOptions<AppOptions> options)
{
    /// <summary>The public base without a trailing slash; null when the text is not an absolute http(s) URL without query or fragment.</summary>
    public static Uri? Parse(string? text) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo)
            ? uri
            : null;

    /// <summary>The absolute URL of <paramref name="pathAndQuery"/> (starting with "/").</summary>
    public string For(HttpRequest request, string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        var configured = Parse(options.Value.PublicBaseUrl);
        var root = configured is not null
            ? configured.GetLeftPart(UriPartial.Path).TrimEnd('/')
            : string.Create(CultureInfo.InvariantCulture, $"{request.Scheme}://{request.Host}{request.PathBase}");
        return root + pathAndQuery;
    }
}

using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Trinn.Web.Shared.Navigation;

/// <summary>
/// Answers "may this user open that page?" with the page's own authorization: the policies its conventions put on
/// the page's endpoint (AuthorizeFolder/AuthorizePage in the feature setups), or the fallback policy when it has
/// none, exactly as the authorization middleware combines them. Menus and links ask this instead of checking roles.
/// </summary>
public sealed class PageAccess(PagePolicies policies, IAuthorizationService authorization)
{
    public async Task<bool> CanOpenAsync(ClaimsPrincipal user, string page)
    {
        var policy = await policies.ForPageAsync(page);
        return policy is null || (await authorization.AuthorizeAsync(user, policy)).Succeeded;
    }
}

/// <summary>The combined authorization policy of each Razor page, read once from the endpoint metadata.</summary>
public sealed class PagePolicies(EndpointDataSource endpoints, IAuthorizationPolicyProvider provider)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<AuthorizationPolicy?>>> cache = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The page's policy; null when the page allows anonymous users. Throws for a page that does not exist.</summary>
    public Task<AuthorizationPolicy?> ForPageAsync(string page) =>
        cache.GetOrAdd(page, p => new Lazy<Task<AuthorizationPolicy?>>(() => CombineAsync(p))).Value;

    private async Task<AuthorizationPolicy?> CombineAsync(string page)
    {
        var endpoint = endpoints.Endpoints.FirstOrDefault(e =>
                string.Equals(e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath, page, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No Razor page {page}: the menu names a page that does not exist.");
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return null;
        }

        var policy = await AuthorizationPolicy.CombineAsync(
            provider,
            endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(),
            endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
        return policy ?? await provider.GetFallbackPolicyAsync();
    }
}

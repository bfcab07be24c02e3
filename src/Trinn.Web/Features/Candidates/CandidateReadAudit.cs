using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Trinn.Web.Features.Candidates;

/// <summary>
/// Declares that a page (on its page model) or an API route (<see cref="CandidateReadAudit.ReadsCandidateData"/>) shows
/// candidates' personal data. Such a route must audit what it shows through <see cref="CandidateAccess"/> — or the
/// request fails before anything is shown (<see cref="CandidateReadAudit"/>). A test walks every route of the app and
/// fails when one shows a seeded candidate's data without an audit entry, declared or not.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ReadsCandidateDataAttribute : Attribute;

/// <summary>
/// The one place that makes the audit of reads impossible to forget: <see cref="CandidateAccess"/> marks the request as
/// audited whenever it writes a read, export or refused-access entry, and for every route declared with
/// <see cref="ReadsCandidateDataAttribute"/> a filter checks, after the handler and before anything is rendered or
/// serialized, that the mark is there. A declared route that forgot fails closed with an exception (500, nothing shown).
/// </summary>
public static class CandidateReadAudit
{
    private static readonly object MarkKey = new();

    // The AsyncLocal behind HttpContextAccessor: CandidateAccess's helpers take the DbContext, not the HttpContext.
    private static readonly HttpContextAccessor Current = new();

    /// <summary>Declares the route as returning candidate data and checks its audit (see the class summary).</summary>
    public static RouteHandlerBuilder ReadsCandidateData(this RouteHandlerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(new ReadsCandidateDataAttribute()).AddEndpointFilter<EndpointFilter>();
    }

    /// <summary>Called by <see cref="CandidateAccess"/> for every audit entry about candidates it writes.</summary>
    internal static void MarkAudited()
    {
        if (Current.HttpContext is { } context)
        {
            context.Items[MarkKey] = true;
        }
    }

    internal static bool WasAudited(HttpContext context) => context.Items.ContainsKey(MarkKey);

    /// <summary>
    /// Reads are GET (and HEAD). A POST that fails validation re-renders the form the user just sent; its change, when
    /// it succeeds, is audited by the DbContext itself.
    /// </summary>
    private static bool IsRead(HttpRequest request) => HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);

    private static InvalidOperationException Forgotten(string route) =>
        new($"{route} is declared [ReadsCandidateData] but wrote no audit entry through CandidateAccess; nothing was shown.");

    /// <summary>For pages: registered globally; acts on page models that carry the attribute.</summary>
    internal sealed class PageFilter : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            ArgumentNullException.ThrowIfNull(context);
            ArgumentNullException.ThrowIfNull(next);
            var executed = await next();
            var declared = context.ActionDescriptor.EndpointMetadata.OfType<ReadsCandidateDataAttribute>().Any();
            if (declared && IsRead(context.HttpContext.Request) && executed.Exception is null && ShowsContent(executed.Result) && !WasAudited(context.HttpContext))
            {
                throw Forgotten(context.ActionDescriptor.ViewEnginePath);
            }
        }

        private static bool ShowsContent(IActionResult? result) =>
            result is null or PageResult or JsonResult or ContentResult or FileResult or PartialViewResult or ViewComponentResult;
    }

    private sealed class EndpointFilter : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var result = await next(context);
            // A request the framework refused before the handler ran (a parameter that did not bind) shows nothing.
            var refused = context.HttpContext.Response.StatusCode >= StatusCodes.Status400BadRequest || result is EmptyHttpResult;
            if (IsRead(context.HttpContext.Request) && !refused && ShowsContent(result) && !WasAudited(context.HttpContext))
            {
                throw Forgotten(context.HttpContext.Request.Path);
            }

            return result;
        }

        private static bool ShowsContent(object? result)
        {
            while (result is INestedHttpResult nested)
            {
                result = nested.Result;
            }

            return result is not (IStatusCodeHttpResult { StatusCode: >= 300 or StatusCodes.Status204NoContent } or NotFound or UnauthorizedHttpResult or ForbidHttpResult);
        }
    }
}

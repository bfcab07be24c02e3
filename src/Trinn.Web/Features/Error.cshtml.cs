namespace Trinn.Web.Features;

/// <summary>A generic error page: no stack traces, no details, only the status.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(IStringLocalizer<SharedResource> t) : PageModel
{
    public string Heading { get; private set; } = "";

    public string Text { get; private set; } = "";

    public void OnGet(int? code) => Set(code);

    public void OnPost(int? code) => Set(code);

    private void Set(int? code)
    {
        Heading = code switch
        {
            404 => t["Error_NotFound"],
            403 => t["Error_Forbidden"],
            _ => t["Error_Title"],
        };
        Text = t["Error_Text"];

        // The database was away or full (503 from the exception handler): say so, and that nothing was saved.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error is { } error
            && Infrastructure.DatabaseFailures.Classify(error) is { } failure)
        {
            Heading = t["Error_ServiceUnavailableTitle"];
            Text = Infrastructure.DatabaseFailures.Message(t, failure);
        }

        if (code is >= 400 and < 600)
        {
            Response.StatusCode = code.Value;
        }
    }
}

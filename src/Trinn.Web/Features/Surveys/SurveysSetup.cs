using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Trinn.Core.Identity;
using Trinn.Core.Surveys;

namespace Trinn.Web.Features.Surveys;

/// <summary>Marker for the survey pages' texts (Resources/Features/Surveys/SurveysResource.resx).</summary>
public sealed class SurveysResource;

/// <summary>The <c>Surveys</c> section: links in e-mails and the background sender.</summary>
public sealed class SurveyOptions
{
    public const string SectionName = "Surveys";

    /// <summary>
    /// The address candidates reach Trinn at, e.g. <c>https://trinn.example.no</c>: answer links in e-mails are built
    /// from it (a background job has no request to take the host from). Empty: <c>App:PublicBaseUrl</c>, the address
    /// every other link is built from. One of the two is required once a mail server is set up.
    /// </summary>
    [Url]
    public string? PublicBaseUrl { get; set; }

    /// <summary>Seconds between the sender's rounds (schedule invitations and reminders, deliver the outbox).</summary>
    [Range(1, 3600)]
    public int SenderIntervalSeconds { get; set; } = 30;

    /// <summary>Off in tests that drive the sender themselves.</summary>
    public bool SenderEnabled { get; set; } = true;

    /// <summary>A link of the right shape for previews; no token, so it opens nothing.</summary>
    public const string SampleLink = "https://trinn.example.no/svar/EKSEMPEL-LENKE";

    public string LinkFor(string token) => (PublicBaseUrl ?? "http://localhost:5080").TrimEnd('/') + SurveyAnswerModel.PathPrefix + token;
}

/// <summary>How TLS is used with the mail server (MailKit's SecureSocketOptions by another name).</summary>
public enum MailTls
{
    /// <summary>STARTTLS when the server offers it (port 587).</summary>
    Auto,
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,

    /// <summary>Plain text: only for a server on this machine (tests, smtp4dev).</summary>
    None,
}

/// <summary>The <c>Mail</c> section. Without <see cref="Host"/> nothing is sent and the outbox waits, visible to admin.</summary>
public sealed class MailOptions : IValidatableObject
{
    public const string SectionName = "Mail";

    /// <summary>The password is read only from this environment variable, never from a settings file.</summary>
    public const string PasswordVariable = "TRINN_MAIL_PASSWORD";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public MailTls Tls { get; set; } = MailTls.Auto;

    public string? User { get; set; }

    [EmailAddress]
    public string From { get; set; } = "trinn@localhost";

    public string FromName { get; set; } = "Trinn";

    /// <summary>Bound only to refuse it: a password in configuration files is an error at start-up.</summary>
    public string? Password { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult($"Mail:Password must not be set in configuration; use the environment variable {PasswordVariable}.", [nameof(Password)]);
        }
    }
}

internal static class SurveysSetup
{
    /// <summary>
    /// Team members (jobbspesialist, metodeveileder) register consent, see their team's waves and enter paper forms;
    /// admins set up each study's protocol and see the outbox; admins and forskere import and export instruments.
    /// The answer page is anonymous by design: the personal token in the link is the credential (rate-limited).
    /// </summary>
    public static WebApplicationBuilder AddTrinnSurveys(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SurveyOptions>().BindConfiguration(SurveyOptions.SectionName)
            .PostConfigure<IOptions<AppOptions>>((o, app) => o.PublicBaseUrl = string.IsNullOrWhiteSpace(o.PublicBaseUrl) ? app.Value.PublicBaseUrl : o.PublicBaseUrl)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<MailOptions>().BindConfiguration(MailOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SurveyOptions>, SurveyOptionsValidation>();
        builder.Services.AddSingleton<IMailTransport, MailKitTransport>();
        builder.Services.AddHostedService<SurveySender>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(InstrumentManager, p => p.RequireRole(Roles.Admin, Roles.Forsker))
            .AddPolicy(SurveyStaff, p => p.RequireAssertion(ctx => ctx.User.IsInRole(Roles.Admin) || ctx.User.IsTeamMember()));
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o =>
        {
            // Page by page (not the folder): admin's pages must not also demand team membership.
            o.Conventions.AuthorizePage("/Surveys/Index", Policies.TeamMember);
            o.Conventions.AuthorizePage("/Surveys/Consent", Policies.TeamMember);
            o.Conventions.AuthorizePage("/Surveys/Paper", Policies.TeamMember);
            o.Conventions.AuthorizePage("/Surveys/Protocol", Policies.Admin);
            o.Conventions.AuthorizePage("/Surveys/Outbox", Policies.Admin);
            o.Conventions.AllowAnonymousToPage("/Surveys/Answer");
            o.Conventions.AuthorizeFolder("/Instruments", InstrumentManager);
        });
        return builder;
    }

    public const string InstrumentManager = nameof(InstrumentManager);

    /// <summary>Team members (their team's participants) and admin (every study, research IDs only).</summary>
    public const string SurveyStaff = nameof(SurveyStaff);

    private sealed class SurveyOptionsValidation(IOptions<MailOptions> mail) : IValidateOptions<SurveyOptions>
    {
        public ValidateOptionsResult Validate(string? name, SurveyOptions options) =>
            mail.Value.IsConfigured && string.IsNullOrWhiteSpace(options.PublicBaseUrl)
                ? ValidateOptionsResult.Fail("App:PublicBaseUrl (or Surveys:PublicBaseUrl) is required when Mail:Host is set (answer links are built from it).")
                : ValidateOptionsResult.Success;
    }
}

namespace Trinn.Web.Tests.Infrastructure;

/// <summary>The one message every refused password sign-in shows, whatever the reason.</summary>
public static class LoginMessages
{
    public const string Failed = "Innloggingen mislyktes. Kontroller brukernavn og passord. Etter flere feil forsøk på rad må du vente litt før du prøver igjen.";
}

namespace Trinn.Web.Features.Referrals;

internal static class ReferralsSetup
{
    /// <summary>A referral is registered by a NAV veileder or the team; the NAV veileder follows their own referrals.</summary>
    public static WebApplicationBuilder AddTrinnReferrals(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizePage("/Referrals/New", Policies.Referrer);
            o.Conventions.AuthorizePage("/Referrals/Mine", Policies.NavVeileder);
            o.Conventions.AuthorizePage("/Referrals/Details", Policies.NavVeileder);
        });
        builder.Services.AddScoped<ReferralRegistration>();
        return builder;
    }
}

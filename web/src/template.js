// template.js -- the protocol a new page starts from: a small clinic that
// extends the standard protocol.
export const TEMPLATE = `# My clinic's aftercare: the standard protocol (smp), with the clinic's
# own changes below. It is checked as you type; ask it questions, preview
# the client's leaflet, and see it day by day below.
protocol my_clinic {
  title "Aftercare after scalp micropigmentation - My Clinic";
  version "1";
}
extends "smp";

rule no_swimming_six_weeks:
  forbid any_swimming first 6 weeks
  because "No swimming of any kind for six weeks (42 days): chlorine and "
    "salt fade the pigment.";
`;

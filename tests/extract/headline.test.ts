import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { findHeadline, stripSiteName } from '../../src/extract/headline';
import { readPageMetadata } from '../../src/extract/metadata';

function headlineOf(html: string, url = 'https://www.dimido.de/2008/07/post') {
  const doc = new JSDOM(html, { url }).window.document;
  return findHeadline(doc, readPageMetadata(doc, url));
}

describe('findHeadline', () => {
  it('takes the <h1> the metadata title contains, keeping its own words and case', () => {
    expect(headlineOf(`<title>Why Donald Trump won't change | CNN Politics</title><h1>Why Donald Trump won't change</h1>`)).toBe("Why Donald Trump won't change");
  });

  it('drops a kicker line inside the <h1>', () => {
    expect(headlineOf(`<meta property="og:title" content="Daten von Rheinmetall gehackt - Interne Unterlagen"><h1><span class="topline">Interne Unterlagen im Netz</span> Daten von Rheinmetall gehackt</h1>`)).toBe('Daten von Rheinmetall gehackt');
  });

  it('does not take a site-name <h1> or one in the navigation', () => {
    expect(headlineOf(`<title>Was ist Virales Marketing? | DimidoBlog</title><h1>DimidoBlog</h1><nav><h1>Menu</h1></nav>`)).toBe('Was ist Virales Marketing?');
  });

  it('takes a class-marked <h2> headline the title contains when the <h1> is the site', () => {
    expect(headlineOf(`<title>Perturbazione polare al Centro e al Sud - La Stampa</title><h1>La Stampa</h1><h2 class="entry__title">Perturbazione polare al Centro e al Sud</h2>`, 'https://www.lastampa.it/x')).toBe('Perturbazione polare al Centro e al Sud');
  });

  it('uses the only <h1> when the metadata title says something else', () => {
    expect(headlineOf(`<meta property="og:title" content="Alaska Airlines to become full Oneworld member by spring"><h1>Alaska Airlines sets new date for full Oneworld membership</h1>`)).toBe('Alaska Airlines sets new date for full Oneworld membership');
  });
});

describe('findHeadline: the heading that shows the metadata title or a part of it', () => {
  it('takes the heading that is one part of the title, even inside a container whose class says sidebar', () => {
    expect(headlineOf(`<title>Housing market slowdown continues | CBC News</title><div class="detailBody withSidebar"><h1>Housing market slowdown continues</h1></div>`, 'https://www.cbc.ca/news/1')).toBe('Housing market slowdown continues');
    expect(headlineOf(`<title>Bielersee-Winterhechte | petri-heil.ch | Dein Fischereimagazin</title><main><h1>Bielersee-Winterhechte</h1><h2>Vorfach</h2></main>`, 'https://www.petri-heil.ch/de/x')).toBe('Bielersee-Winterhechte');
    expect(headlineOf(`<title>Durch die Gegend | Mit Musiker Voodoo Jürgens in Wien | Viertausendhertz</title><h1 class="entry-title">Mit Musiker Voodoo Jürgens in Wien</h1>`, 'https://viertausendhertz.de/ddg48/')).toBe('Mit Musiker Voodoo Jürgens in Wien');
  });

  it('leaves out a section link before and a dateline after the headline inside the heading', () => {
    expect(headlineOf(`<meta property="og:title" content="Brothel catering to politicians busted in Boston"><h1 class="entry-title"><div><a href="/local-news/">Local News | </a></div><span>Brothel catering to politicians busted in Boston</span></h1>`)).toBe('Brothel catering to politicians busted in Boston');
    expect(headlineOf(`<meta property="og:title" content="Zuschauerrückkehr bei den Proficlubs der Region"><h1>Zuschauerrückkehr bei den Proficlubs der Region<br><small>02.02.2022 • <span>Presse</span>, <span>Allgemein</span></small></h1>`)).toBe('Zuschauerrückkehr bei den Proficlubs der Region');
    expect(headlineOf(`<meta property="og:title" content="Wie Firmen ihre Beschäftigten schützen"><h1><span class="ts-overline">Abstandsregeln </span><span class="ts-colon">: </span><span class="ts-headline">Wie Firmen ihre Beschäftigten schützen</span></h1>`)).toBe('Wie Firmen ihre Beschäftigten schützen');
    expect(headlineOf(`<meta property="og:title" content="Olympia - Getränke per Schiff ins Stadtzentrum - Lebensmittelpraxis.de"><h1><span class="subtitle">Olympia</span> Getränke per Schiff ins Stadtzentrum</h1>`)).toBe('Getränke per Schiff ins Stadtzentrum');
  });

  it('keeps a subtitle after the headline inside the heading', () => {
    expect(headlineOf(`<meta property="og:title" content="Schneesport mit Rücksicht auf Wildtiere"><h1>Schneesport mit Rücksicht auf Wildtiere <span class="m-stage__subline">Verhaltenstipps für den Schneesport</span></h1>`)).toBe('Schneesport mit Rücksicht auf Wildtiere Verhaltenstipps für den Schneesport');
  });

  it('prefers a heading showing a whole title to one showing a part, and the title\'s own case', () => {
    expect(headlineOf(`<title>Alles hat seine Zeit | Marktplatz für ein gutes Leben</title><meta property="og:title" content="Alles hat seine Zeit"><header><h1>Marktplatz für ein gutes Leben</h1></header><article><h1 class="entry-title">Alles hat seine Zeit</h1></article>`)).toBe('Alles hat seine Zeit');
    expect(headlineOf(`<meta property="og:title" content="Lagen-Pyramide mit GA2"><title>Einheit der Woche | Lagen-Pyramide mit GA2 - SWIM.DE</title><h1><span>Einheit der Woche</span><span>Lagen-Pyramide mit GA2</span></h1>`)).toBe('Lagen-Pyramide mit GA2');
    expect(headlineOf(`<meta property="og:title" content="Meta-Programming In Emacs Using Defadvice"><h3 class="post-title entry-title">Meta-Programming In Emacs Using Defadvice</h3><div class="post-body"><h1 class="title">Meta-Programming In Emacs Using defadvice</h1></div>`)).toBe('Meta-Programming In Emacs Using Defadvice');
  });

  it('prefers an <h1> showing one title part to an <h2> showing another', () => {
    expect(headlineOf(`<title>Vom Boden aus gedacht - Ann Cotten verwebt in ihrem Band Lokales und Globales : literaturkritik.de</title><h1>Vom Boden aus gedacht</h1><h2>Ann Cotten verwebt in ihrem Band Lokales und Globales</h2>`, 'https://literaturkritik.de/x')).toBe('Vom Boden aus gedacht');
  });

  it('reads every og:title (some pages carry two)', () => {
    expect(headlineOf(`<meta property="og:title" content="Wein dekantieren: Alles Wissenswerte zusammengefasst"><meta property="og:title" content="Wein dekantieren: Alles Wissenswerte rund um einen besonderen Schritt"><h1 class="entry-title">Wein dekantieren: Alles Wissenswerte rund um einen besonderen Schritt</h1><h1>Menü</h1>`)).toBe('Wein dekantieren: Alles Wissenswerte rund um einen besonderen Schritt');
  });

  it('skips headings in breadcrumbs, screen-reader-only headings and one-word section names', () => {
    expect(headlineOf(`<meta property="og:title" content="Covid-19: Lässt sich die Ausbreitung kontrollieren?"><ol class="breadcrumbs"><li><h1>Covid-19: Lässt sich die Ausbreitung kontrollieren?</h1></li></ol><article><h2><span class="content__kicker">Covid-19</span><span class="sr-only">: </span><span class="content__title">Lässt sich die Ausbreitung kontrollieren?</span></h2></article>`)).toBe('Lässt sich die Ausbreitung kontrollieren?');
    expect(headlineOf(`<meta property="og:title" content="Tote Hummeln unter Linden: Die Erklärung | Hummeln"><h2 class="screen-reader-text">Tote Hummeln unter Linden: Die Erklärung | Hummeln</h2><h1 class="entry-title">Tote Hummeln unter Linden</h1>`)).toBe('Tote Hummeln unter Linden');
    expect(headlineOf(`<title>Politik | Ein Gesetz für die Wälder der Region</title><h2>Politik</h2>`)).not.toBe('Politik');
  });

  it('does not take an <h1> that is the host name; takes an only <h1> of two words', () => {
    expect(headlineOf(`<title>XUM1541: Dateien zwischen Linux und C64 austauschen</title><header><h1>jan-grosser.de</h1></header>`, 'http://www.jan-grosser.de/art/385.html')).toBe('XUM1541: Dateien zwischen Linux und C64 austauschen');
    expect(headlineOf(`<title>Blockhaus Typ 3 in Ludorf. Günstige Ferienhäuser | Müritzurlauber</title><article><h1 class="entry-title">Blockhaus 3</h1></article>`)).toBe('Blockhaus 3');
  });

  it('does not take the site’s logo, an <h1> inside a link to the front page, and cuts a site name under a two-part suffix (.co.kr)', () => {
    const url = 'http://entermedia.co.kr/news/news_view.html?idx=8576';
    const page = `<title>엘제이-류화영 진흙탕 싸움, 공적인 사안으로 봐야하는 이유 - Entermedia</title><a href="/"><h1>엔터 미디어</h1></a><div class="article">엘제이의 리벤지인가</div>`;
    expect(headlineOf(page, url)).toBe('엘제이-류화영 진흙탕 싸움, 공적인 사안으로 봐야하는 이유');
    expect(headlineOf(`<title>Budget talks stall in Seoul | Korea Daily</title><a href="/world/budget-talks"><h1>Budget talks stall</h1></a>`, 'https://www.koreadaily.co.kr/world/1')).toBe('Budget talks stall');
    expect(headlineOf(`<title>Budget talks stall in Seoul</title><h1> <a href="https://www.metropolis-online.example/">Daily Planet News</a> </h1><h2>Other story</h2>`, 'https://www.metropolis-online.example/world/1')).toBe('Budget talks stall in Seoul');
  });

  it('leaves a button inside the heading out of the headline (`<a class="btn">CC-Editor öffnen</a>`)', () => {
    const h1 = `<h1 itemprop="headline"><i class="subline">Singen, basteln, spielen</i><i class="hidden">: </i><span> Kindergottesdienst in Velpe macht Spaß <a href="https://cockpit.example/editor/1" class="btn flat-b">CC-Editor öffnen</a></span></h1>`;
    expect(headlineOf(`<meta property="og:title" content="Kindergottesdienst in Velpe macht Spaß">${h1}`)).toBe('Kindergottesdienst in Velpe macht Spaß');
  });

  it('takes an <h1> that opens with the site’s name (`The Guardian view on …`), but not the site’s name with a word more', () => {
    const url = 'https://www.theguardian.com/commentisfree/2019/nov/18/the-guardian-view-on-hong-kong';
    const og = '<meta property="og:title" content="The Guardian view on Hong Kong: a city on the brink | Editorial">';
    expect(headlineOf(`${og}<h1>The Guardian view on Hong Kong: a city on the brink</h1><p>Text.</p>`, url)).toBe('The Guardian view on Hong Kong: a city on the brink');
    expect(headlineOf(`<title>Streit um die Rente: Was jetzt kommt</title><header><h1>The Guardian Weekly</h1></header><h2>Streit um die Rente: Was jetzt kommt</h2>`, url)).toBe('Streit um die Rente: Was jetzt kommt');
  });
});

describe('stripSiteName', () => {
  it('cuts the site part on either side, by site name or host', () => {
    expect(stripSiteName('Headline of the story | Example News', 'Example News')).toBe('Headline of the story');
    expect(stripSiteName('Example News - Headline of the story', 'Example News')).toBe('Headline of the story');
  });

  it('keeps the title whole when no part is the site', () => {
    expect(stripSiteName('Mercury: the planet - explained', 'Example News')).toBe('Mercury: the planet - explained');
  });
});

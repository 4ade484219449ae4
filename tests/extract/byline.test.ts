import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { cleanAuthorName, findByline, joinNames, splitNames } from '../../src/extract/byline';
import { readPageMetadata } from '../../src/extract/metadata';

function bylineOf(html: string, datelineText: string | null = null, url = 'https://www.example-news.com/story') {
  const doc = new JSDOM(html, { url }).window.document;
  return findByline(doc, readPageMetadata(doc, url), datelineText);
}

describe('cleanAuthorName: names only', () => {
  it.each([
    ['By Jane Roe', 'Jane Roe'],
    ['Written by Jane Roe', 'Jane Roe'],
    ['Von Georg Kasch', 'Georg Kasch'],
    ['par Loïc Le Clerc', 'Loïc Le Clerc'],
    ['Por Williams Perdomo', 'Williams Perdomo'],
    ['di Mario Rossi', 'Mario Rossi'],
    ['Autor: Tobias Kuske', 'Tobias Kuske'],
    ['Redacción Diario Pagina Siete', 'Redacción Diario Pagina Siete'],
    ['@KingBeyonceStan', 'KingBeyonceStan'],
    ['Eingestellt von der Michel', 'der Michel'],
    ['Redaktion: Eberhard Fuhr (Pressesprecher des EJW)', 'Eberhard Fuhr'],
    ['Analysis by Chris Cillizza', 'Chris Cillizza'],
    ['Текст: Венера Ерофеева', 'Венера Ерофеева'],
    ['Piše: P. Mucović prije 2 sata', 'P. Mucović'],
    ['스포츠조선=선수민 기자', '선수민'],
    ['Laura E. Adkins December 28, 2016', 'Laura E. Adkins'],
    ['By Theresa May', 'Theresa May'],
    ['Marco Marchetti 12 Jan', 'Marco Marchetti'],
    ['by damianduchamps on', 'damianduchamps'],
  ])('%s → %s', (raw, name) => {
    expect(cleanAuthorName(raw)).toBe(name);
  });

  it.each(['By', 'Published by', 'Unknown', 'admin', 'Super User', 'Staff', 'jane@example.com', 'https://facebook.com/jane', 'www.haufe.de', 'ZooRoyal Petcare GmbH', 'wegewerk GmbH', 'Updated 16-10-2024', '', 'This is a long sentence about the author and what she likes to write',
    // Left over from a credit line: a language switch, an agency, a translator, a month, a role, a desk label.
    'EN', 'PTI', 'Associated Press', 'Ritzau', 'Übersetzung Sarah-Indra Jungblut', 'Apr', 'December', 'AP Auto Writer', 'Editorial', 'Sputnik', 'INFORM.KZ', 'Автор'])(
    'rejects %j',
    (raw) => {
      expect(cleanAuthorName(raw)).toBeNull();
    },
  );
});

describe('splitNames and joinNames: several authors', () => {
  it('splits on commas, "and" in several languages, ampersands and semicolons', () => {
    expect(splitNames('By Marc Santora, William K. Rashbaum, Al Baker and Adam Goldman')).toEqual(['Marc Santora', 'William K. Rashbaum', 'Al Baker', 'Adam Goldman']);
    expect(splitNames('Lars Fischer und Alina Schadwinkel')).toEqual(['Lars Fischer', 'Alina Schadwinkel']);
    expect(splitNames('Volkmar Kabisch; Jan Lukas Strozyk & Benedikt Strunz')).toEqual(['Volkmar Kabisch', 'Jan Lukas Strozyk', 'Benedikt Strunz']);
  });

  it('keeps a surname joined by y/e (`José Volta e Pinto`), and splits there before a second name of two words', () => {
    expect(splitNames('José Volta e Pinto')).toEqual(['José Volta e Pinto']);
    expect(splitNames('Mario Rossi e Luigi Bianchi')).toEqual(['Mario Rossi', 'Luigi Bianchi']);
    expect(splitNames('Ana Pérez y María López')).toEqual(['Ana Pérez', 'María López']);
  });

  it('joins readably', () => {
    expect(joinNames(['A'])).toBe('A');
    expect(joinNames(['A', 'B'])).toBe('A and B');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
  });
});

describe('findByline: sources and junk', () => {
  it('takes JSON-LD person authors, several joined, duplicates removed', () => {
    const html = `<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chan"},{"@type":"Person","name":"Ann Lee"}]}</script>
      <p>By Ann Lee and Bo Chan</p>`;
    expect(bylineOf(html)).toBe('Ann Lee and Bo Chan');
  });

  it('does not take an organisation author or the site name as a person', () => {
    const html = `<meta property="og:site_name" content="Example News">
      <script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Organization","name":"Example News"}}</script>
      <meta name="author" content="Example News">`;
    expect(bylineOf(html)).toBeNull();
  });

  it('reads a byline element when the metadata names nobody, skipping author bios and comments', () => {
    const html = `<article><h1>Headline here</h1><p class="byline">By <a rel="author" href="/jane">Jane Roe</a></p>
      <div class="author-bio">Jane Roe writes about science and has done so since 2001 for many papers.</div></article>
      <div class="comments"><span class="author">Troll</span></div>`;
    expect(bylineOf(html)).toBe('Jane Roe');
  });

  it('skips a meta author that is a URL and falls through to the page', () => {
    const html = `<meta property="article:author" content="https://www.facebook.com/someone"><span class="byline__name">Chris Thompson</span>`;
    expect(bylineOf(html)).toBe('Chris Thompson');
  });

  it('takes a bureau credit only when no person is named', () => {
    expect(bylineOf('<meta name="author" content="News Nation Bureau"><h1>Fact check</h1><p>News Nation Bureau</p><span class="byline">Jane Roe</span>')).toBe('Jane Roe');
    expect(bylineOf('<meta name="author" content="News Nation Bureau"><h1>Fact check</h1><p>News Nation Bureau</p>')).toBe('News Nation Bureau');
  });

  it('falls back to the visible dateline line', () => {
    expect(bylineOf('<p>Devdiscourse News Desk | Updated: 12-03-2024</p>', 'Devdiscourse News Desk')).toBe('Devdiscourse News Desk');
  });

  it('returns null rather than junk', () => {
    expect(bylineOf('<span class="author">Posted by admin</span>')).toBeNull();
  });
});

describe('findByline: metadata the page links by @id, labels and publishers', () => {
  const ld = (graph: object[]) => `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@graph': graph })}</script>`;

  it('follows a Yoast author reference to the Person node in the @graph', () => {
    const html = `${ld([
      { '@type': 'Article', author: { '@id': 'https://ex.com/#/schema/person/1' }, publisher: { '@id': 'https://ex.com/#organization' } },
      { '@type': 'Organization', '@id': 'https://ex.com/#organization', name: 'Example Globe' },
      { '@type': 'Person', '@id': 'https://ex.com/#/schema/person/1', name: 'Evan Symon' },
    ])}<p class="meta">Evan Symon, August 14, 2020</p>`;
    expect(bylineOf(html)).toBe('Evan Symon');
  });

  it('keeps the author of a one-person site whose publisher is that person', () => {
    const html = `${ld([
      { '@type': 'Article', author: { '@id': '#me' }, publisher: { '@id': '#me' } },
      { '@type': ['Person', 'Organization'], '@id': '#me', name: 'Christoph Hein', jobTitle: 'Chefredakteur' },
    ])}<div class="author-line"><a href="/about">Christoph Hein</a><br> Chefredakteur</div>`;
    expect(bylineOf(html)).toBe('Christoph Hein');
  });

  it('does not name the publisher organisation reached through @id', () => {
    const html = `${ld([
      { '@type': 'NewsArticle', author: { '@id': '#org' }, publisher: { '@id': '#org' } },
      { '@type': 'NewsMediaOrganization', '@id': '#org', name: 'Example Globe' },
    ])}<meta name="author" content="Example Globe"><p>Example Globe</p>`;
    expect(bylineOf(html)).toBeNull();
  });

  it('reads twitter:label1 "Written by" / "Verfasst von" with twitter:data1', () => {
    const html = `<meta name="twitter:label1" value="Written by"><meta name="twitter:data1" value="Ellyn Shook"><p>Ellyn Shook</p>`;
    expect(bylineOf(html)).toBe('Ellyn Shook');
    const de = `<meta name="twitter:label1" content="Verfasst von"><meta name="twitter:data1" content="Karoline Herr"><p>Karoline Herr</p>`;
    expect(bylineOf(de)).toBe('Karoline Herr');
  });

  it('prefers article:author to a company in meta author, and decodes entities left in metadata', () => {
    const html = `<meta name="author" content="Condé Nast"><meta name="article:author" content="Arielle Pardes"><p>Condé Nast</p><p>TEXT BY ARIELLE PARDES</p>`;
    expect(bylineOf(html)).toBe('Arielle Pardes');
    const ent = `<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Redacci&oacute;n Diario Pagina Siete"}}</script><p>Redacción Diario Pagina Siete</p>`;
    expect(bylineOf(ent)).toBe('Redacción Diario Pagina Siete');
  });

  it('rejects the site handle, the DC publisher and an organisation with "e.V."', () => {
    expect(bylineOf(`<meta name="twitter:site" content="@natgeouk"><meta property="article:author" content="@NatGeoUK"><p>NatGeoUK</p>`)).toBeNull();
    expect(bylineOf(`<meta name="author" content="Auto Illustrierte"><meta name="DC.publisher" content="Auto Illustrierte"><p>Auto Illustrierte</p>`)).toBeNull();
    expect(bylineOf(`<meta name="author" content="Bund der Energieverbraucher e.V. "><p>Bund der Energieverbraucher e.V.</p>`)).toBeNull();
  });

  it('keeps a personal site whose handle is the owner\'s name', () => {
    expect(bylineOf(`<meta name="twitter:site" content="@mattiasgeniar"><meta name="author" content="Mattias Geniar"><p>Mattias Geniar, April 19, 2020</p>`)).toBe('Mattias Geniar');
  });

  it('reads a byline in a wrapper whose class is a layout flag (has-double-sidebar), not in the sidebar beside it', () => {
    const html = `<div class="main-content has-double-sidebar"><h2>Gaspreise</h2><p>Die Preise steigen weiter.</p>
      <h5><em>Von Leonora Holling</em></h5></div><aside id="sidebar"><div class="sidebar-fixed"><p>Von Max Muster</p></div></aside>`;
    expect(bylineOf(html)).toBe('Leonora Holling');
    expect(bylineOf(html.replace('has-double-sidebar', 'double-sidebar'))).toBeNull();
  });

  it('drops a name the page never shows (a CMS account in the metadata only)', () => {
    const html = `<meta name="twitter:label1" content="Verfasst von"><meta name="twitter:data1" content="Rüdiger Ofenloch"><p>Vorverkauf gestartet.</p>`;
    expect(bylineOf(html)).toBeNull();
  });

  it('prefers the shown byline over a JSON-LD author the page does not show', () => {
    const html = `${ld([{ '@type': 'NewsArticle', author: { '@type': 'Person', name: 'Kathleen Ditton' } }])}
      <meta name="parsely-author" content="Jessica Holly"><div class="byline">By <a href="/author/jessica-holly/">Jessica Holly</a>, <a href="/author/gail-levy/">Gail Levy</a></div>`;
    expect(bylineOf(html)).toBe('Jessica Holly');
  });
});

describe('findByline: page elements', () => {
  it('reads a link to an author page', () => {
    expect(bylineOf(`<h1>Title</h1><div class="sc-1"><a href="/author/miserableshitehawk">Chris Thompson</a></div>`)).toBe('Chris Thompson');
  });

  it('matches rel, itemprop, class and author links in any letter case, and takes the first in document order', () => {
    expect(bylineOf(`<p><a REL="Author" href="/u/1">Ann Lee</a></p><p class="byline">Bo Chan</p>`)).toBe('Ann Lee');
    expect(bylineOf(`<span itemprop="AUTHOR">Ann Lee</span>`)).toBe('Ann Lee');
    expect(bylineOf(`<div class="Post-Redakteur">Ann Lee</div>`)).toBe('Ann Lee');
    expect(bylineOf(`<a href="/Autor/ann-lee">Ann Lee</a>`)).toBe('Ann Lee');
    expect(bylineOf(`<div class="post-author"><span class="icon">✎</span><span class="author-Name">Ann Lee</span> 4 min read</div>`)).toBe('Ann Lee');
    expect(bylineOf(`<div class="note">Ann Lee</div><span rel="author">Bo Chan</span>`)).toBe('Bo Chan');
  });

  it('takes the one credit element a byline section opens with, not the publication beside it', () => {
    const section = (author: string) => `<h1>Thousands of teachers pack Indiana Statehouse</h1><div class="byline-section"><div class="attribution">
      <span class="author"> ${author} </span> <span class="publication"> Associated Press </span></div><div class="publish-date">Published 11:34 a.m. ET Nov. 19, 2019</div></div>`;
    expect(bylineOf(section('Tom Davies'))).toBe('Tom Davies');
    expect(bylineOf(section('Lisa Kaczke and Trevor J. Mitchell'))).toBe('Lisa Kaczke and Trevor J. Mitchell');
  });

  it('reads a line break and a block as the end of a name, and leaves a date element out', () => {
    expect(bylineOf(`<h1 class="headline">Seeking a bigger role for a big rocket</h1><h3 class="byline">by Jeff Foust<br><span class="datetime">Monday, November 18, 2019</span></h3>`)).toBe('Jeff Foust');
    expect(bylineOf(`<div class="author"><div class="second-author"><p>Autor <span>Mark Newton:</span></p><div class="version"><ul><li><a href="/en/"><span>EN</span></a></li></ul></div></div>
      <p class="first-p-author"> Übersetzung <span><a href="/t/">Sarah-Indra Jungblut</a></span>, <span class="date"> 12.12.22 </span></p></div>`)).toBe('Mark Newton');
  });

  it('drops a handle beside a name, a lone "Por", and "Text & Fotos:"', () => {
    expect(bylineOf(`<span class="td-author">Por</span> <a href="https://ex.com/author/wperdomo/">Williams Perdomo @wperdomod</a>`)).toBe('Williams Perdomo');
    expect(bylineOf(`<table><tr><td class="authorbold">Text & Fotos: Ivan Valetny</td></tr></table>`)).toBe('Ivan Valetny');
  });
});

describe('findByline: "By" lines in the page', () => {
  it('reads a von/by line whose name sits in the next inline element', () => {
    expect(bylineOf(`<h2>Geschichte</h2><p> von <em>Klaus Stanjek</em></p><p>Durch das Aufblättern …</p>`)).toBe('Klaus Stanjek');
    expect(bylineOf(`<div class="textblock"><strong>von</strong> <span>Dennis Kochinky</span></div>`)).toBe('Dennis Kochinky');
  });

  it('ignores "by"/"von" as a preposition in running text', () => {
    expect(bylineOf(`<p>von Bäumen durch Dritte</p><p>by the way, nothing</p>`)).toBeNull();
  });
});

describe('splitNames: an organisation with its address', () => {
  it('is not a list of people', () => {
    expect(splitNames('Kirche+Leben, Münster, Germany')).toEqual([]);
    expect(splitNames('Olympia-Verlag GmbH, Nürnberg, Germany')).toEqual([]);
  });
});

describe('findByline: page furniture that wraps the article', () => {
  it('reads a byline in the article when a sidebar wrapper or a Blogger widget holds the whole page', () => {
    expect(bylineOf(`<div class="content-sidebar-wrap"><main><article><h1>Zitronenkuchen</h1><div class="entry-author-text">von <a href="/ueber">Kathrin</a></div></article></main><aside class="sidebar">Über Kathrin Runge</aside></div>`)).toBe('Kathrin');
    expect(bylineOf(`<div class="widget Blog"><h1>Meta-Programming In Emacs</h1><span class="post-author vcard">Posted by <a class="g-profile" rel="author"><span itemprop="name">T. V. Raman</span></a></span></div>`)).toBe('T. V. Raman');
  });

  it('still skips a card of another article inside an aside of the article', () => {
    expect(bylineOf(`<main><div class="entry__content">Text <aside class="entry__related"><h1 class="block__title">Leggi anche:</h1><article class="entry"><h2>La grande sete</h2><span class="entry__author">giampiero maggio</span></article></aside></div></main>`)).toBeNull();
    expect(bylineOf(`<main><article><h1>Neve</h1><div class="related"><article class="card"><h2>Sete</h2><span class="entry__author">Gianni Rossi</span></article></div></article></main>`)).toBeNull();
  });
});

describe('findByline: labelled credit lines', () => {
  it('reads "Autor:" and "Text:" labels with the name in the next element or text', () => {
    expect(bylineOf(`<h1>Teil 49</h1><hr><div class="content"><p><strong>Autor:</strong> <a href="/profil/207/Klausmartin_Friedrich">Klausmartin Friedrich</a><br><strong>Tags:</strong> <a href="/news/tag/1907">1907</a></p></div>`)).toBe('Klausmartin Friedrich');
    expect(bylineOf(`<h1>Skoda</h1><div class="meta"><h5 class="title-inline">Datum: </h5>03.11.2021 <br><h5 class="title-inline">Autor: </h5>Peter Maahn/SP-X</div>`)).toBe('Peter Maahn and SP-X');
  });

  it('does not read a label followed by a sentence', () => {
    expect(bylineOf(`<p><strong>Text:</strong> die Geschichte der Feuerwehr</p>`)).toBeNull();
  });
});

describe('findByline: credits that name no author', () => {
  it('drops a news agency credit alone, keeping a person beside it', () => {
    expect(bylineOf(`<meta name="author" content="AFP"><p>AFP</p>`)).toBeNull();
    expect(bylineOf(`<meta name="author" content="dpa"><p>dpa</p>`)).toBeNull();
    expect(bylineOf(`<div class="byline">Britta Schultejans, dpa</div>`)).toBe('Britta Schultejans');
  });

  it('drops organisations with a legal form or a country, and a "Gast" account', () => {
    expect(bylineOf(`<meta name="author" content="besserwisser eG"><p>besserwisser eG</p>`)).toBeNull();
    expect(bylineOf(`<meta name="author" content="Diakonie Deutschland"><p>Diakonie Deutschland</p>`)).toBeNull();
    expect(bylineOf(`<meta name="author" content="Gast"><p>Gast</p>`)).toBeNull();
  });

  it('does not take a one-word section from the dateline', () => {
    expect(bylineOf(`<p>Energieversorgung</p>`, '12.12.2022 | 06:46 | Energieversorgung')).toBeNull();
    expect(bylineOf(`<p>Devdiscourse News Desk</p>`, 'Devdiscourse News Desk | Updated: 16-10-2024')).toBe('Devdiscourse News Desk');
  });
});

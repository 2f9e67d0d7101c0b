/**
 * Brazilian Portuguese cues per intent. Each rule: [intent, weight, ...patterns]; a pattern is a
 * regular expression over the normalised text (lowercase, no accents, chat spellings expanded,
 * single spaces) matched on word boundaries; "^"/"$" anchor it to the whole message.
 */
import type { Rule } from './rule';

export const PT: Rule[] = [
  ['greet', 1.2, '^(?:oi|ola|oie|oii|opa|alo|bom dia|boa tarde|boa noite|ola bom dia|oi bom dia|oi boa tarde|oi boa noite|e ai|salve)$'],
  ['greet', 1, 'oi', 'ola', 'bom dia', 'boa tarde', 'boa noite', 'e ai', 'opa', 'alo', 'oie', 'oii', 'salve', 'tudo bem', 'tudo bom'],
  ['book', 2, 'marcar', 'agendar', 'agendamento', 'reservar', 'queria marcar', 'quero marcar', 'gostaria de marcar', 'marca (?:pra|para) mim', 'me (?:encaixa|encaixar)', 'encaixe'],
  ['book', 1.6, 'tem (?:algum )?(?:horario|vaga|hora)s?', 'horarios? (?:disponive(?:l|is)|livres?)', 'tem disponibilidade', '(?:consigo|consegue) (?:um )?horario', 'posso (?:ir|passar|levar)', 'quero fazer (?:uma |a )?(?:avaliacao|aula|visita|mudanca|matricula)', 'fazer (?:uma |a )?(?:avaliacao|visita)', 'conhecer (?:o metodo|a unidade|o kumon)'],
  ['book', 1.2, 'quero (?:um|uma|fazer|cortar)', 'queria (?:um|uma|fazer|cortar)', 'gostaria (?:de )?(?:um|uma|fazer)', 'preciso (?:de )?(?:um|uma|fazer)', 'consulta', 'reserva', 'vaga', 'matricular', 'matricula', 'inscrever'],
  ['book', 0.6, 'horario', 'disponivel', 'avaliacao', 'visita', 'aula experimental', 'me lembr(?:a|e|ar)', 'lembrete', 'alarme'],
  ['reschedule', 2.6, 'remarcar', 'reagendar', 'remarca', 'reagenda', 'remarcacao', 'adiar', 'antecipar', 'adia', 'mudar (?:o |a |meu |minha )?(?:horario|data|dia|hora|agendamento|aula|avaliacao|visita)', 'trocar (?:o |a |meu |minha )?(?:horario|data|dia|hora|agendamento)', 'passar (?:para|pro|pra) (?:outro|outra)'],
  ['reschedule', 2.4, '(?:da para|pode|podemos|consigo|tem como) (?:passar|mudar|trocar|jogar) (?:para|pra|pro)'],
  ['reschedule', 1.2, 'outro horario', 'outra data', 'outro dia', 'outra hora', 'mudar', 'trocar', 'transferir', 'pode ser (?:em )?outro'],
  ['cancel', 2.6, 'cancelar', 'cancela', 'cancelamento', 'cancele', 'desmarcar', 'desmarca', 'desmarque', 'anular', 'desistir', 'desisto'],
  ['cancel', 1.8, 'nao (?:vou|vamos) (?:mais )?(?:poder|conseguir) (?:ir|comparecer|levar)', 'nao (?:posso|consigo) (?:mais )?ir'],
  ['cancel', 1.2, 'excluir', 'apagar', 'tirar (?:o|a|meu|minha) (?:horario|agendamento|reserva)'],
  ['ask_price', 2.2, 'quanto (?:custa|e|fica|sai|cobra|cobram|vale|seria|ta|esta)', 'qual (?:e )?o (?:valor|preco)', 'quais (?:sao )?os (?:valores|precos)', 'precos?', 'valores?', 'mensalidade', 'orcamento', 'tabela de precos', 'taxa de matricula', 'cobram', 'custa', 'custo'],
  ['ask_price', 0.8, 'quanto', 'taxa', 'pagar', 'pagamento', 'desconto', 'pix', 'cartao'],
  ['ask_hours', 2.2, 'que horas (?:abre|abrem|fecha|fecham|funciona|voces abrem)', 'horario de (?:funcionamento|atendimento)', 'abrem', 'fecham', 'voces abrem', 'ta aberto', 'esta aberto', 'estao abertos', 'funcionam', 'abre (?:no|na|aos|as|sabado|domingo|hoje|amanha|feriado)', 'atendem (?:no|na|aos|sabado|domingo|feriado)', 'ate que horas'],
  ['ask_hours', 0.8, 'abre', 'fecha', 'funciona', 'aberto', 'feriado', 'expediente'],
  ['ask_location', 2.2, 'onde (?:fica|ficam|e|voces ficam|esta|estao)', 'endereco', 'localizacao', 'como (?:chego|chegar|faco para chegar)', 'qual (?:e )?o endereco', 'fica onde', 'ficam onde', 'tem estacionamento', 'perto de onde', 'manda (?:a )?localizacao', 'qual (?:o )?bairro'],
  ['ask_location', 0.8, 'onde', 'bairro', 'rua', 'mapa', 'estacionamento', 'metro'],
  ['ask_services', 2, 'quais (?:sao )?(?:os )?servicos', 'que servicos', 'o que voces fazem', 'voces fazem', 'voces tem', 'trabalham com', 'oferecem', 'quais materias', 'que materias', 'quais disciplinas', 'tem aula de', 'como funciona', 'qual (?:e )?o metodo', 'fazem (?:mudanca|frete)'],
  ['ask_services', 0.8, 'servicos?', 'materias?', 'disciplinas?', 'metodo'],
  ['affirm', 2.2, '^(?:sim|isso|claro|com certeza|exato|exatamente|confirm(?:o|ado|a)|pode ser|pode sim|pode|positivo|uhum|aham|certo|correto|isso mesmo|bora|fechado|combinado|quero sim|pode marcar|pode confirmar)'],
  ['affirm', 1.8, '^(?:ok|beleza|blz|perfeito|otimo|show|top|massa|joia|legal|bom(?! dia| tarde| noite| fim)|ta bom|ta otimo|ta$|maravilha|excelente|serve|fechou|tranquilo|de boa|certinho)'],
  ['affirm', 1.2, 'sim', 'pode ser', 'isso mesmo', 'esta otimo', 'ta otimo', 'ta bom', 'pode marcar', 'pode confirmar', 'confirmo', 'perfeito', 'combinado', 'fechado', 'serve sim', 'me serve', 'da certo', 'da sim', 'quero sim', 'pode sim', '(?:esse|essa|este|esta) (?:mesmo|mesma|ai|horario|serve|esta bom)', 'fico com (?:esse|essa|o|a)'],
  ['deny', 2.2, '^nao$', '^nao (?:quero|obrigad[oa]|precisa|preciso|me interessa|tenho interesse|agora|por enquanto|era isso|e isso|esta certo|ta certo|serve|da|gostei)', '^negativo', '^nem', '^de jeito nenhum', '^melhor nao', '^nao obrigad[oa]', '^nenhum', '^(?:agora nao|por enquanto nao|ainda nao|fica (?:para|pra) depois|deixa (?:para|pra) depois|depois eu vejo|vou pensar)'],
  ['deny', 1, 'nao', 'nao quero', 'nao precisa', 'nao obrigad[oa]', 'nao da', 'nao serve', 'nao posso', 'nao consigo', 'errado', 'nao e isso', 'nenhum(?:a)?'],
  ['ask_human', 3, 'falar com (?:um |uma |o |a |algum |alguma )?(?:atendente|pessoa|humano|alguem|gerente|responsavel|dono|dona|orientador|orientadora|funcionario|consultor)', 'atendimento humano', 'pessoa de verdade', 'pessoa real', 'um humano', 'quero um atendente', 'me (?:liga|ligue|ligar)', 'pode me ligar', 'atendente'],
  ['ask_human', 1, 'humano', 'falar com', 'ligacao'],
  ['thanks', 2.2, 'obrigad[oa]s?', 'obrigadao', 'muito obrigad[oa]', 'valeu', 'agradeco', 'brigad[oa]', 'grat[oa]', 'agradecid[oa]'],
  ['goodbye', 2.2, 'tchau', 'ate logo', 'ate mais', 'ate amanha', 'ate breve', 'ate segunda', 'falou', 'e so isso', 'era so isso', 'so isso', 'nada mais', 'mais nada', 'bom fim de semana', 'abracos?', 'um abraco'],
  ['opt_out', 4, '^(?:stop|parar|pare|sair|descadastrar|cancelar inscricao|remover)$', 'descadastrar', 'descadastre', 'nao quero (?:mais )?receber', 'parem? de (?:me )?(?:mandar|enviar|ligar)', 'sair da lista', 'me tir(?:a|e|em) da lista', 'remov(?:er|a|am) (?:o )?meu (?:numero|contato)', 'nao me (?:mande|mandem|envie|enviem) mais', 'bloquear mensagens', 'nao (?:me )?(?:mande|mandem) mais mensage(?:m|ns)'],
  ['opt_out', 1.5, '^(?:stop|sair|parar)'],
  // LGPD art. 18: "apague meus dados", "quero que excluam minhas informações", "direito ao esquecimento".
  ['erase_data', 5, '(?:apag|exclu|delet|remov|elimin)(?:ue|uem|a|am|e|em|ar|ir|er)(?: todos)? (?:os |as )?(?:meus|minhas) (?:dados|informacoes|dados pessoais)',
    '(?:apagar|excluir|deletar|remover|eliminar) (?:todos )?(?:os |as )?(?:meus|minhas) (?:dados|informacoes)', 'direito ao esquecimento', 'esquec(?:am|a)[ -]?me'],
  ['out_of_scope', 1.4, 'previsao do tempo', 'previsao', 'guarda chuva', 'frio', 'calor', 'graus', 'nublado', 'ensolarado', 'ventando', 'neblina', 'tempestade', 'chovendo', 'garoa', 'vai chover', 'chuva', 'chover', 'temperatura', 'clima', 'piada', 'futebol', 'jogo do', 'receita de'],
];
